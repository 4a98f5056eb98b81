"""The case store: every save of a case is a new version, on SQLite or PostgreSQL (docs/store.md).

The API the wizards, the command line and the server use::

    from workbench.store import CaseStore
    store = CaseStore()          # WORKBENCH_STORE, else the SQLite file; CaseStore(path_or_url, key)
    version = store.save(case, expected_version=None)

The modules, each named after what it holds:

- :mod:`~workbench.store.cases`: :class:`CaseStore`, the saving and reading logic both backends share
  (versions, conflicts, drafts, retention, encryption);
- :mod:`~workbench.store.sqlite`, :mod:`~workbench.store.postgres`: the two backends;
- :mod:`~workbench.store.schema`: where the store is, its tables, the encryption marker;
- :mod:`~workbench.store.records`: what is stored and shown besides SQL (payload, search keys, who, when);
- :mod:`~workbench.store.crypto`: the key and AES-256-GCM (encryption at rest);
- :mod:`~workbench.store.trouble`: full disk, read-only store, missing key as messages saying what to do;
- :mod:`~workbench.store.backup` (SQLite) and :mod:`~workbench.store.pg_backup` (PostgreSQL):
  backup, restore, key rotation; imported by the commands that need them only.
"""

from workbench.store.cases import HISTORY_FORMAT, CaseStore, open_store
from workbench.store.records import CaseSummary, ConflictCopy, StoredCase, office_time
from workbench.store.schema import STORE_ENV, default_store_path, is_server_url, store_target

__all__ = ["HISTORY_FORMAT", "STORE_ENV", "CaseStore", "CaseSummary", "ConflictCopy", "StoredCase",
           "default_store_path", "is_server_url", "office_time", "open_store", "store_target"]
