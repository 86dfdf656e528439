"""Imported by the fork server that starts extraction workers (parallel.py): one short story
read here loads the word lists and compiles the patterns once, so that every worker forked
from the server starts warm instead of paying for them itself."""
from .extract import extract

extract("Mr. Ann Lee said, “We will win.”\n\n“Yes,” she added. “He told me so.”\n\n"
        "“Did he?” asked Bob Hart, the senator. According to the report, “nothing” changed.")
