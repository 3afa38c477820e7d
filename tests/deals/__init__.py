"""Synthetic deals for the tests, the fuzzers and the benchmark: one generator, and hand-written fixtures.

`generator.deal(choose, Profile, index)` is the one generator: a chooser makes the choices
(`Seeded` over random.Random for the benchmark, `Drawn` over Hypothesis for the property
tests and fuzzers, so failures shrink) and a profile fills in words and figures (`Realistic`,
the benchmark's fixed shape; `FullRange`, everything the contract allows). `fixtures` holds
the small hand-written deals whose figures a test shows. Test code only: the product must
never import it.
"""

from tests.deals.fixtures import (
    BASE,
    HELD_CHAIN,
    MINIMAL_DEAL,
    XYZ,
    contact,
    deal_data,
    dims,
    item,
    load_in,
    make,
    problems_after_edit,
    xyz,
)
from tests.deals.generator import realistic_deal_data, valid_deal_data, valid_deals, write_deals
from tests.deals.yaml_text import to_yaml

__all__ = ["BASE", "HELD_CHAIN", "MINIMAL_DEAL", "XYZ", "contact", "deal_data", "dims", "item", "load_in", "make",
           "problems_after_edit", "xyz", "realistic_deal_data", "valid_deal_data", "valid_deals", "write_deals",
           "to_yaml"]
