"""Load: a deal file (YAML) in, a validated `Deal` out, with every problem located.

Owns the deal contract (`model`, `schema`), reading and composing the YAML with each node's
position (`read`, `compose`, `tree`), the checks the contract states (`validate`, `rules`,
`limits`) and a new deal file's skeleton. Must not analyse or render: it says what the file
holds, or `file:line:col: field: message` for what it cannot hold.
"""
