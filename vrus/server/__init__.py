"""VRUS on a shared PostgreSQL server: roles, permissions, setting a server up."""
