"""BR001-BR008: the brand's own words, claims and disclosures, read from `brand:` in the config.

One module a job: `matching` (finding the brand's terms in a post), `name` (BR001), `terms`
(BR002-BR004), `off_brand` (BR005), `disclosure` (BR006), `claims` (BR007) and `terms_note`
(BR008). The words an editor reviews (disclosure tags, offer words, determiners, numbering words)
are word lists in rules/wordlists, named in each rule's YAML options.
"""
