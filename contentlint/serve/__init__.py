"""`contentlint serve`: a local web page (and its JSON API) for writers who do not use git.

One module per job: `guard` (who may ask), `handler` (HTTP), `api` (the answers, on the warm
Workspace), `paths` (which files may be read or written), `saving` (writing them), `front_matter`
(the form's fields in the post), `passages` (what two repeating posts share), `server` (start-up).
The page is `assets/`: plain HTML, CSS and one script, no framework, nothing from the network.
"""
