"""Hall administration: a hall's whole setup as one YAML file (export, import), and creating a hall."""
