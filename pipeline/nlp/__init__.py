"""The spaCy layer every stage stands on: loading the model and parsing line by line
(``model``), the Doc extensions the components assign and their typed payloads
(``extensions``, ``payloads``), and small helpers over parsed text (``text``) and
the dependency tree (``syntax``)."""
