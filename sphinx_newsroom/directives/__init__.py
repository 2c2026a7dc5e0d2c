"""Read phase: the nodes, and the directives and roles that place them."""
