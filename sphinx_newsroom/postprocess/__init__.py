"""Post-transforms: fill what the read phase left as placeholders, once every doc is read."""
