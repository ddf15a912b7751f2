"""The seminar's pages: an edition, a workshop and its reading list, participants, programme."""
