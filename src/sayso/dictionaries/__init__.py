"""The open event-data dictionaries (PETRARCH2's CAMEO verb patterns, the Phoenix actor dictionaries)
compiled into sayso lexicons, and the run-time indexes over the compiled files.

Compile time (``scripts/compile_dictionaries.py``): ``cameo_reader`` and ``actor_reader`` read the
PETRARCH formats as PETRARCH reads them, ``cameo_codes`` and ``actor_codes`` translate CAMEO codes into
PLOVER types, modes and sectors, ``verb_compiler`` and ``actor_compiler`` write the records, ``compile``
ties them together and writes the files with their licence header.

Run time: ``verb_index`` loads ``lexicons/en/cameo_verbs.jsonl`` into a lookup by verb lemma for the
matcher in ``sayso.extract.events.cameo``; ``phoenix`` loads ``phoenix_actors.tsv`` and
``phoenix_agents.tsv`` into a name lookup with date-bounded roles.
"""
