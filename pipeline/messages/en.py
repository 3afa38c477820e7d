"""The messages in English (the default). Keys and {fields} match zh.py; a test checks it."""

MESSAGES: dict[str, str] = {
    # the command line
    "interrupted": "interrupted",
    "error": "error: {message}",
    "no_deals": "error: no deal files given and none in inputs/ (*.yaml or *.yml)",
    "no_such_file": "error: {path}: no such file",
    "playbook_unreadable": "error: playbook {path}: {reason}",
    "built_summary": "built {built}, skipped {skipped} (up to date), failed {failed} in {seconds:.1f} s{names}; "
                     "documents in {folder}",
    "deal_built": "built {path} -> {folder} in {seconds:.2f} s",
    "deal_skipped": "skipped {path} (up to date in {folder})",
    "deal_failed": "failed {path}",
    "deal_valid": "valid {path} in {seconds:.2f} s",
    "deal_invalid": "invalid {path} in {seconds:.2f} s",
    "deal_draft": "to fill in {path} in {seconds:.2f} s",
    "checked_summary": "checked {count} deal(s): {valid} valid, {invalid} invalid{drafts}",
    "checked_drafts": ", {drafts} still to fill in",
    "new_suffix": "error: {path}: a deal file ends in .yaml or .yml",
    "new_bad_id": "error: {path}: the file name '{stem}' is the deal's id, so it may hold only letters, digits, "
                  "'-' and '_' (e.g. customs-2026.yaml)",
    "new_exists": "error: {path}: already exists; choose another name (nothing was changed)",
    "cannot_write": "error: {path}: cannot write: {reason}",
    "new_written": "wrote {path}: replace each <…>, then run: dealdocs check {path}",
    "pdf_done": "pdf {path} in {seconds:.1f} s",
    "pdf_summary": "converted {converted} document(s) to PDF, {fresh} up to date, under {folder}",
    "pdf_not_built": "error: {path}: not built yet (no {folder}); run: dealdocs build {path}",
    # reading the file
    "read_missing": "no such file",
    "read_failed": "cannot read: {reason}",
    "read_directory": "is a directory; give the path of one deal file (.yaml)",
    "read_not_regular": "not a regular file; give the path of one deal file (.yaml)",
    "read_too_large": "file too large ({size}); a deal file is at most {limit} (is this the right file?)",
    "read_utf16": "saved as UTF-16; save the file as UTF-8",
    "read_binary": "binary data, not text (a NUL byte at byte offset {offset}); a deal file is YAML text saved as UTF-8",
    "read_not_utf8": "not UTF-8 text (byte 0x{byte:02X} at byte offset {offset}); save the file as UTF-8 "
                     "(it may have been saved as GBK or another legacy encoding)",
    # YAML syntax
    "yaml_error": "YAML syntax error: {words}",
    "yaml_too_deep": "nesting too deep (more than {limit} levels); a deal file needs only a few",
    "yaml_too_deep_plain": "nesting too deep; a deal file needs only a few levels",
    "yaml_second_document": "a second YAML document ('---'); a deal file holds exactly one",
    "yaml_undefined_alias": "YAML syntax error: alias *{name} refers to no anchor defined before it",
    "yaml_control": "control character U+{code:04X} is not allowed in a YAML file; delete it "
                    "(inside double quotes, write \\n for a line break)",
    "yaml_colon_in_text": "a ':' where no key can start; put text that contains ': ' in quotes",
    "yaml_tab": "a tab character; indent with spaces, not tabs",
    "yaml_key_without_colon": "a key without ':' after it, or a text spanning lines that should be in quotes",
    "yaml_key_misaligned": "this line does not line up with the keys above it; check its indentation",
    "yaml_item_misaligned": "this line does not line up with the list items above it; check its indentation",
    "yaml_quote_unclosed": "a quoted text that starts here is never closed",
    "yaml_tab_indent": "a tab character in the indentation; indent with spaces, not tabs",
    "yaml_brace_unclosed_end": "a {{...}} that starts here is never closed with '}}'",
    "yaml_bracket_unclosed_end": "a [...] that starts here is never closed with ']'",
    "yaml_brace_unclosed": "a {{...}} is not closed with '}}', or its entries lack a ',' between them",
    "yaml_bracket_unclosed": "a [...] is not closed with ']', or its items lack a ',' between them",
    "yaml_indentation": "this line's indentation does not match the lines above it",
    # what a Chinese keyboard types
    "kb_colon": "a full-width colon '：' after '{key}'; type the ASCII colon and a space: {key}: {rest}",
    "kb_comma": "a full-width comma '，' between the entries of {{...}} or [...]; separate them with the ASCII comma ','",
    "kb_quoted_value": "the value is in Chinese quotes {quotes}, which YAML does not read as quotes; "
                       "use ASCII quotes: {key}: \"{inner}\"",
    "kb_quote_goes_on": "the value starts with a quote and goes on after the closing one ({typed}); "
                        "put all of it in quotes ({suggested}) or leave the quotes out",
    "kb_over_indented": "'{key}' is indented more than '{above}' on line {line} ({ours} spaces against {theirs}), "
                        "so it reads as part of that value; line it up with the keys of its mapping",
    "kb_quotes_in_value": "the Chinese quotes {quotes} around '{inner}' are part of the value; write {inner} without them",
    "kb_digits": "'{typed}' is typed with full-width digits; type {number} with ASCII digits",
    "kb_synonym": "'{typed}' means {value}: write {field}: {value}; expected {expected}",
    # the file's shape
    "empty_file": "empty file; a deal needs title, date, customer, us, competitors, key_buying_factors, "
                  "business_capabilities, relationship_capabilities, value_proposition and chain "
                  "(dealdocs new FILE.yaml writes one to fill in)",
    "not_a_mapping": "the file holds {what}; a deal file is a mapping of keys (title: ..., date: ..., customer: ...)",
    "a_list": "a list",
    "the_text": "the text {text}",
    "id_from_bad_stem": "missing, and the file name '{stem}' is not a valid id; add id: <letters, digits, '-' and '_'>",
    "still_to_fill_in": "warning: still to fill in, {count} value(s) (replace each <…>): {fields}",
    "field_at_line": "{field} (line {line})",
    # fields
    "missing": "missing; {hint}",
    "add_key": "add {key}: <{what}>",
    "empty": "empty; {hint}",
    "expected": "expected {what}, got {value}",
    "unknown_key_close": "unknown key; did you mean '{key}'?",
    "unknown_key": "unknown key; the keys here are: {keys}",
    "nothing": "nothing",
    "a_mapping": "a mapping",
    # cross-field rules
    "duplicate_id": "duplicate id '{id}' (also {first} at line {line}); give each company its own id",
    "unknown_id_close": "unknown company id '{id}'; did you mean '{close}'?",
    "unknown_id": "unknown company id '{id}'; the companies are: {ids}",
    "missing_scores": "no score for {ids}; every company needs one: add {example}",
    "duplicate_item": "duplicate item name '{name}' (also at line {line}); each item of a dimension needs its own name",
}
