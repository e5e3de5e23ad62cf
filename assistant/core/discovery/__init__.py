"""Finding a domain's mail servers: the probe run, its sources, ranking, presets and suggestions."""
