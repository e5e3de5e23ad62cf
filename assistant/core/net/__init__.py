"""Input/output basics: DNS, HTTP, TLS, connections, safe XML, bounded files, run settings and limits."""
