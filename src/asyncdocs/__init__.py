"""Tooling of the asyncio documentation site.

* [asyncdocs.manifest][] — what each snippet declares in `snippets.toml`.
* [asyncdocs.runner][] — runs snippets as real processes and checks them against their records.
* [asyncdocs.compare][] — the one rule for comparing output with a record.
* [asyncdocs.site][] — builds every language's site into one folder and serves it.
"""
