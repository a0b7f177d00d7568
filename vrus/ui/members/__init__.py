"""The Members page: the register's table, filters, the person editor with guardians and
memberships, the age-limit panel, new persons and the welcome panel."""
