"""Stage 4, catalogue: all Documents → relations, citations, browse facets, cards (PageContext per page),
browse pages and the machine-readable catalogue; ``changes`` names the pages a change reaches."""
