"""The workflow core shared by every bidang: who may act (permissions), where records wait (work items)."""
