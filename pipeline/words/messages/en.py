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
    "first_report_before_start": "{first} is before the start ({start}); the first results report falls on or after the start: write a later date, or remove first_report to date it by the cadence",
    "duplicate_id": "duplicate id '{id}' (also {first} at line {line}); give each company its own id",
    "unknown_id_close": "unknown company id '{id}'; did you mean '{close}'?",
    "unknown_id": "unknown company id '{id}'; the companies are: {ids}",
    "missing_scores": "no score for {ids}; every company needs one: add {example}",
    "duplicate_item": "duplicate item name '{name}' (also at line {line}); each item of a dimension needs its own name",
    # what a field accepts
    "expect_weight": "a positive number{values}",
    "expect_strength": "a whole number from 0 to 5{values}",
    "expect_influence": "a whole number from 1 to 5{values}",
    "expect_amount": "a positive number{values}",
    "expect_payback_months": "a positive number of months{values}",
    "expect_change_pct": "a number (the change in percent, e.g. 25 or -15){values}",
    "expect_language": "one of {values}",
    "expect_level": "one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工){values}",
    "expect_kind": "one of {values}",
    "expect_tracking_cadence": "one of {values}",
    "expect_first_report": "a date like 2027-03-15 or a year-month like 2027-03{values}",
    "expect_date": "a date like 2026-11-20{values}",
    "expect_start": "a date like 2026-12-01 or a year-month like 2026-12{values}",
    "expect_id": "an id of letters, digits, '-' and '_' (at most 64, no spaces or '/'){values}",
    "expect_scores": "a mapping of company id to a 0-100 score, like {{us: 80, A: 60}}{values}",
    "expect_in_3_years": "a mapping of company id to a 0-100 score, like {{us: 85, A: 70}}{values}",
    "expect_score": "a number from 0 to 100",
    "expect_keys": "a mapping with keys {keys}",
    "expect_list": "a list (one '- ' line per entry)",
    "expect_text": "some text",
    "expect_mapping": "a mapping",
    # what to add
    "hint_competitors": "add at least one competitor: - {{id: A, name: ...}}",
    "hint_us": "add us: {{id: us, name: ...}}",
    "hint_customer": "add customer: {{name: ...}}",
    "hint_value_proposition": "add value_proposition: with overall: and specific: (see docs/deal-file.md)",
    "hint_overall": "add overall: {{expertise: ..., capability: ..., improves: ...}}",
    "hint_specific": "add specific: with start, offering, outcomes and investment",
    "hint_outcomes": "add at least one outcome: - {{metric: ..., change_pct: 25}}",
    "hint_investment": "add investment: {{amount: ..., currency: USD}}",
    "hint_chain": "add chain: with customer: - {{name: ..., level: top, strength: 3}}",
    "hint_chain_customer": "add the people inside the customer: - {{name: ..., level: top, strength: 3}}",
    "hint_items": "add at least one item: - {{name: ..., weight: 5, scores: {{us: 80, A: 60}}}}",
    "warning_line": "warning: {field}: {message}",
    # the analysis' warnings (analysis.json keeps their key and values; worded when printed)
    "method_added": "'{item}' is not one of the method's standard relationship indicators ({names}); it and its "
                    "weight {weight} are the team's own choice, marked so in the deck (if it is one of them in "
                    "other words, say which with standard: <id>)",
    "method_again": "'{item}' reads as the method's '{standard}', which relationship_capabilities[{first}] already "
                    "is; it and its weight {weight} count as the team's own, marked so in the deck (say "
                    "standard: none to confirm, or remove one of the two)",
    "method_declared_own": "'{item}' is an indicator of the team's own (standard: none); it and its weight {weight} "
                           "are marked so in the deck",
    "method_own_weight": "the method names '{item}' but gives it no weight, and it is not one of its weighted "
                         "indicators ({names}); its weight {weight} is the team's own choice, marked so in the deck",
    "method_reweighted": "weight {weight} for '{item}' departs from the method's standard weight {standard_weight}; "
                         "marked in the deck as the team's own choice (omit the weight to use the standard one)",
    "method_changes_position": "on the method's standard indicators alone, at its weights, our relationship "
                               "capability would be '{standard_position}' against {competitor} (index margin "
                               "{margin}), not '{position}': the team's own indicators or weights decide this "
                               "comparison",
    "type_inferred": "the customer type was inferred as '{customer_type}' from the name '{name}', so the documents "
                     "address it as '{address}'; set customer.type ({types}) to confirm or correct it and silence "
                     "this warning",
    "statement_drafted": "not given, so the documents use a draft generated from the analysis; have the team "
                         "rewrite it and put it in the deal file",
    # the SMART doubts: the build's warnings, and in the deal's language the reasons of the SMART verdicts
    "doubt_zero": "a change of 0% in {metric} names no business value",
    "doubt_change": "a change of {pct}% in {metric} is beyond ±{limit}%",
    "doubt_range": "a payback of {months} months is outside {low}-{high} months",
    "doubt_stated": "the stated payback of {stated} months is more than {tolerance}% off the computed {computed} "
                    "months",
    "doubt_currency": "the investment ({investment}) and the monthly benefit ({benefit}) are in different "
                      "currencies, so no payback can be computed",
    "doubt_no_end": "there is no payback or monthly benefit, so no end",
    # what the documents can carry (pipeline/load/limits.py)
    "limit_text": "{count} characters; the documents carry at most {limit} here: shorten it",
    "limit_entries": "{count} entries; the documents carry at most {limit} {what}: keep the {limit} that matter most",
    "limit_competitors": "competitors",
    "limit_items": "items in each dimension",
    "limit_outcomes": "outcomes",
    "limit_contacts": "contacts",
    "limit_surrounding": "surrounding relations",
    "limit_not_finite": "expected a finite number, got {value}",
    "limit_number_from": "expected {what} from {low} up to {high}, got {value}",
    "limit_number_over": "expected {what} over {low} up to {high}, got {value}",
    "limit_weight": "a weight",
    "limit_change_pct": "a change in percent",
    "limit_amount": "an amount",
    "limit_months": "a number of months",
    "yaml11_octal": "{typed} is read by YAML 1.1 as the octal number {value}; write it without the leading zero "
                    "({plain}), or in quotes if it is text",
    "yaml11_sexagesimal": "{typed} is read by YAML 1.1 as {value} (base 60, like a time); write the number you "
                          "mean, or put it in quotes if it is text",
    # two deal files with one id (pipeline/batch.py)
    "id_clash": "{path}: id '{id}' is also the id of {holder}, whose documents go to {folder}; {fix} (each deal "
                "needs its own id)",
    "id_clash_newer": "{path} is the newer of the two, so change its id:",
    "id_clash_either": "change the id: of one of them",
    # --- templates, rendering, CLI help (#17) ---
    # a user's template or Office file refused before any library opens it (pipeline/safety.py)
    "template_not_found": "template {path} not found",
    "template_too_big": "template {path} is {size} MB; the limit is {limit} MB",
    "template_not_zip": "template {path} is not an Office file (.pptx/.docx are zip packages); save it from "
                        "PowerPoint or Word",
    "template_too_many_parts": "template {path} has {count} parts; the limit is {limit}",
    "template_unpacks_too_big": "template {path} unpacks to {size} MB; the limit is {limit} MB",
    "template_zip_bomb": "template {path}: part {part} is compressed suspiciously well (a zip bomb?)",
    "template_not_office": "template {path} has no [Content_Types].xml: it is a zip, but not an Office file",
    # template code refused by the sandbox (pipeline/safety.py)
    "sandbox_no_includes": "'{name}': a template cannot include, import or extend other files; put everything in "
                           "the one template",
    "sandbox_text_too_large": "a text of more than {limit} characters is too large for a document",
    "sandbox_range_too_large": "range of {count} numbers; a template may use at most {limit}",
    "sandbox_power_too_large": "{base} ** {exponent} is too large a number for a document",
    "sandbox_repeat_too_large": "repeating {count} items {times} times is too large for a document",
    "sandbox_product_too_large": "a product too large a number for a document",
    "sandbox_recursion": "a macro calls itself too deeply (recursion without end?); a template needs no recursion",
    "sandbox_memory": "it makes more than a document can hold and ran out of memory",
    # --deck-template (pipeline/render/office/master.py)
    "deck_not_presentation": "{name} is {what}, not a PowerPoint presentation; --deck-template takes a .pptx "
                             "saved from PowerPoint, WPS or LibreOffice Impress",
    "deck_kind_not_office": "not an Office file",
    "deck_kind_word": "a Word document",
    "deck_kind_excel": "an Excel workbook",
    "deck_kind_other": "an Office file of another kind",
    "deck_unopenable": "{name} cannot be opened as a PowerPoint presentation ({error}); open it in PowerPoint and "
                       "save it again as .pptx",
    "deck_no_master": "{name} has no slide master; save it from PowerPoint as a .pptx",
    "deck_no_title_layout": "{name}: none of its {count} slide layouts has a title placeholder; add one in "
                            "PowerPoint's Slide Master view",
    "deck_pin_unknown": "{name}: slide layout '{layout}' is pinned to '{mark}', which is not a kind of slide; the "
                        "kinds are: {kinds}",
    "deck_pin_no_title": "{name}: slide layout '{layout}' is pinned to '{kind}' but has no title placeholder; add "
                         "one in Slide Master view or remove the pin",
    # --brief-template, --proposal-template (pipeline/render/office/word_template.py)
    "word_brief_template": "brief template",
    "word_proposal_template": "proposal template",
    "word_brief_context": "brief context",
    "word_proposal_context": "proposal context",
    "word_unopenable": "{what} {path} is not a Word document (.docx) python-docx can open ({error}); save it from "
                       "Word, WPS or LibreOffice Writer as .docx",
    "word_neither": "{what} {path} has no {{{{ }}}} fields and no styles of its own: it is neither a template nor a "
                    "style reference; save a document with your styles from Word (see docs/word-templates.md)",
    "word_syntax": "{what} {path}: Jinja syntax error: {error}",
    "word_syntax_in_paragraph": "{what} {path}: Jinja syntax error in or before the paragraph \"{paragraph}\" "
                                "(paragraph {number}): {error}",
    "word_not_word": "{what} {path} is not a Word document ({error})",
    "word_unknown_variables": "{what} {path} uses {used}, which the {context} does not have (it has: {known}; see "
                              "docs/template-variables.md)",
    "word_undefined_style": "{what} {path} uses style '{style}', which its styles do not define; define it in Word "
                            "(Styles pane) or apply a defined style",
    "word_problem": "{what} {path}: {problem}",
    # a deal's text that does not fit the deck (render/office/shapes.py, tables.py, slides.py, render/deck/chain.py)
    "too_long_box": "text too long for its box even at {size} pt; shorten it in the deal file: '{start}…'",
    "too_long_table_row": "a table row is too long for a slide even at {size} pt; shorten it in the deal file: "
                          "'{start}…'",
    "too_long_title": "a slide title is too long for its box even at {size} pt: '{start}…'",
    "too_long_chain": "too long for the chain diagram's box even at {size} pt; shorten it to about {count} "
                      "characters",
    # the command line's help and its own refusals (pipeline/cli/main.py, pipeline/cli/book.py)
    "cli_description": "Deal files in, a training deck and per-level meeting briefs out.",
    "cli_examples": "examples:\n"
                    "  dealdocs build                      build every inputs/*.yaml into build/\n"
                    "  dealdocs build inputs/xyz.yaml -j 2 build one deal with two workers\n"
                    "  dealdocs build --deck-template corp.pptx --brief-template corp.docx\n"
                    "  dealdocs build --playbook my-playbook.json   your own tactics rules\n"
                    "  dealdocs check inputs/*.yaml        validate and report, write nothing\n"
                    "  dealdocs schema > schema/deal.schema.json\n"
                    "  dealdocs pdf                        a PDF beside every built document\n",
    "cli_usage": "usage: ",
    "cli_heading_positionals": "positional arguments",
    "cli_heading_options": "options",
    "cli_help": "show this help message and exit",
    "cli_usage_error": "{prog}: error: {message}",
    "cli_argument": "argument {name}: {message}",
    "cli_required": "the following arguments are required: {names}",
    "cli_unrecognized": "unrecognized arguments: {names}",
    "cli_invalid_choice": "invalid choice: {value} (choose from {choices})",
    "cli_one_value": "expected one argument",
    "cli_version": "show program's version number and exit",
    "cli_quiet": "print only errors",
    "cli_verbose": "a line per deal (or document) with its time",
    "cli_lang": "the language of the messages (default: from LANG/LC_ALL, zh_* is zh; else en)",
    "cli_build": "build the documents of each deal",
    "cli_deals": "deal files (default: inputs/*.yaml)",
    "cli_out": "output folder (default: build)",
    "cli_jobs": "worker processes (default: every core)",
    "cli_build_force": "rebuild even the deals that are up to date",
    "cli_deck_template": "your own PowerPoint master",
    "cli_brief_template": "your own Word brief template",
    "cli_proposal_template": "your own Word template of the customer-facing proposals",
    "cli_playbook": "your own tactics playbook (default: templates/playbook.json)",
    "cli_no_wait": "fail at once when another build is writing into the same --out (default: wait)",
    "cli_executor": "what runs the deals: worker processes (default), threads of this process, or a Dask cluster "
                    "(pip install 'dealdocs[dask]'; docs/cli.md)",
    "cli_scheduler": "with --executor dask: the scheduler, e.g. tcp://host:8786 (default: a local cluster)",
    "cli_debug": "show the details of an internal error",
    "cli_check": "validate deal files and report problems; write nothing",
    "cli_schema": "print the JSON Schema of the deal file",
    "cli_new": "write a new deal file to fill in (id from the file name)",
    "cli_new_file": "the file to create, e.g. inputs/my-deal.yaml",
    "cli_new_language": "the language of the comments and the documents (default: zh)",
    "cli_pdf": "convert every built document to PDF with LibreOffice",
    "cli_pdf_deals": "only these deals' documents (default: every deal built)",
    "cli_pdf_out": "the build folder (default: build)",
    "cli_pdf_force": "convert even the documents whose PDF is up to date",
    "cli_pdf_jobs": "parallel conversions (default: every core)",
    "cli_whole_number": "expected a whole number of at least 1, got {text!r}",
    "cli_export": "write the scoring workbook DEAL.xlsx of each deal file, beside it",
    "cli_export_deals": "deal files",
    "cli_export_out": "write the workbooks here (default: beside each deal)",
    "cli_export_force": "replace a workbook that dealdocs did not write",
    "cli_import": "write each scoring workbook DEAL.xlsx back as DEAL.yaml, beside it",
    "cli_import_books": "scoring workbooks",
    "cli_import_out": "write the deal files here (default: beside each)",
    "cli_import_force": "replace a deal file that already exists",
    "cli_portfolio": "build the deals, then the portfolio workbook and page of all of them (in the language of "
                     "--lang, default zh)",
    "cli_portfolio_out": "the build folder; portfolio.xlsx and portfolio.html go here (default: build)",
    "book_not_ours": "exists and was not written by dealdocs; use --force to replace it",
    "book_exists": "exists; use --force to replace it, or --out DIR",
    "book_exported": "exported {source} -> {result}",
    "book_imported": "imported {source} -> {result}",
    "portfolio_done": "portfolio of {count} deal(s) in {xlsx} and {html}{failed}",
    "portfolio_failed": "; {count} deal(s) failed and are left out",
    # --- loader, build, batch, publish (#17) ---
    "list_comma": ", ",
    "list_or": " or ",
    # the YAML tree (pipeline/load/tree.py)
    "yaml_tag_unsupported": "unsupported YAML tag '{tag}'; remove it (a deal file holds only text, numbers, dates, "
                            "lists and mappings)",
    "yaml_alias_loop": "an alias refers to the list or mapping it is inside (a loop); remove it",
    "yaml_key_not_text": "a key must be plain text, not a list or mapping",
    "yaml_aliases_expand": "aliases expand too much (over {limit} values); a deal file does not need aliases that "
                           "repeat like this",
    "yaml_alias_too_deep": "nesting too deep (more than {limit} levels, aliases included); a deal file needs only a few",
    "yaml_duplicate_key": "duplicate key '{key}' (first at line {line}); keep only one of them",
    "yaml_merge_not_mapping": "'<<' merges only mappings",
    # the method's rules and library (pipeline/load/rules.py, method.py)
    "weight_missing": "missing; {why}, so it needs its own: add weight: <a positive number>",
    "weight_team_own": "'{name}' is an indicator of the team's own (standard: none)",
    "weight_standard_unweighted": "the method names {id} ({name}) but gives it no weight ({standards} are its weighted indicators)",
    "standard_unknown_close": "unknown standard indicator '{value}'; did you mean '{close}'? It takes one of: {ids}",
    "standard_unknown": "unknown standard indicator '{value}'; it takes one of: {ids}",
    "standard_not_relationship": "only a relationship indicator says which of the method's standard indicators it is; "
                                 "remove standard here",
    "standard_twice": "'{id}' is already the standard indicator of {first} (line {line}); each standard indicator "
                      "is one item: remove one, or give this one standard: none if it is the team's own",
    "weight_not_standard": "'{name}' is not one of the method's standard relationship indicators ({standards})",
    "weight_only_relationship": "the method gives standard weights only to its relationship indicators ({standards})",
    "method_ids": "each relationship indicator needs its own id (other than '{none}'): {ids}",
    "method_wording_twice": "a wording of '{item}' reads as one of '{other}' ({key})",
    "method_invalid": "{path}: not a valid method library: {error}",
    # the playbook (pipeline/analysis/playbook.py, tactics.py)
    "playbook_missing": "{path}: no such file",
    "playbook_not_regular": "{path}: not a regular file; give the path of a playbook .json file",
    "playbook_too_large": "{path}: larger than {limit} KB; a playbook is a few KB of rules",
    "playbook_too_deep": "{path}: nested too deep; a playbook is a list of rules a few levels deep",
    "playbook_ids_repeated": "{path}: rule ids must be unique, repeated: {ids}",
    "playbook_rule_template": "playbook rule '{id}': {error} (known facts: {facts})",
    "playbook_rule_problem": "playbook rule '{id}': {problem}",
    # one deal's build (pipeline/build.py)
    "too_slow": "stopped after {seconds:g} s, the time limit for one deal{suspect}",
    "too_slow_suspect": "; {own} may loop without end",
    "own_brief_template": "the brief template {path}",
    "own_proposal_template": "the proposal template {path}",
    "own_playbook": "the playbook {path}",
    "stale_documents": "{path}: note: the documents in {folder}/ are from the last good build and are now stale",
    "internal_error": "{path}: internal error: {kind}: {error}",
    "internal_error_report": "{line} (run again with --debug for the details, and please report it)",
    # where the deals run (pipeline/batch.py)
    "executor_unknown": "unknown executor '{kind}': use one of {kinds}",
    "dask_missing": "--executor dask needs Dask distributed: pip install 'dealdocs[dask]'",
    "dask_unreachable": "cannot reach the Dask scheduler at {scheduler} ({error}); start one with `dask scheduler` "
                        "and workers with `dask worker {scheduler}`",
    # the output folder (pipeline/publish/output.py)
    "out_cannot_write": "cannot write {path}: {reason}{hint}",
    "out_hint_space": "; free some space, or build into another --out",
    "out_hint_permission": "; build into a folder you may write, or fix its permissions",
    "out_hint_read_only": "; build into a folder on a writable disk",
    "out_hint_not_folder": "; --out must be a folder",
    "out_hint_link": "; a symbolic link stands where dealdocs writes: remove it",
    "out_is_file": "cannot write {path}: it is a file, not a folder; --out must be a folder",
    "out_not_folder": "cannot write {path}: not a folder; --out must be a folder",
    "out_foreign_link": "{path} is a symbolic link we did not make; it is left alone: remove it or give this deal "
                        "another id",
    "out_foreign_file": "{path} is a file we did not make; it is left alone: move it away or give this deal another id",
    "out_foreign_folder": "{path}/ was not made by dealdocs (it has no build stamp); it is left alone: move it away "
                          "or give this deal another id",
    "out_foreign_staging": "{path} is not a folder dealdocs made (a symbolic link or a file); nothing is written "
                           "through it: remove it",
    "out_busy": "another build{holder} is writing into {folder}/; wait for it to finish, or run without --no-wait to "
                "wait for it",
    "out_waiting": "waiting for another build{holder} writing into {folder}/ to finish ...",
    "out_holder": " (process {pid})",
    # PDF (pipeline/publish/pdf.py)
    "pdf_no_libreoffice": "LibreOffice is not installed; install it with: apt-get install -y "
                          "libreoffice-writer-nogui libreoffice-impress-nogui fonts-noto-cjk",
    "pdf_no_documents": "no documents under {folder}/; run `dealdocs build` (or `make proposals`) first",
    "pdf_not_converted": "LibreOffice could not convert {path}: {reason}",
    "pdf_no_output": "no output",
    # the scoring workbook (pipeline/workbook/reader.py)
    "workbook_missing": "{path}: no such file",
    "workbook_unreadable": "{path}: not a scoring workbook we can read ({why}); export one with: "
                           "dealdocs export DEAL.yaml",
    "workbook_no_sheet": "{path}: no sheet '{first}' or '{second}'; the sheets are: {sheets} (export a fresh "
                         "workbook to see the layout)",
    "workbook_no_deal": "{path}: no deal in the workbook",
    "template_missing": "template '{name}' not found (looked in: {where})",
}
