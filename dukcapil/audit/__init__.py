"""Audit trail of logins and permission changes (who signed in, who failed, who was locked out,
who changed whose groups, permissions or staff flags). Read and filtered in Django admin."""
