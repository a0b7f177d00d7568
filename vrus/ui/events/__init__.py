"""The Events page: the season's events, the event editor with days and staff, and the sign-up and
attendance grid."""
