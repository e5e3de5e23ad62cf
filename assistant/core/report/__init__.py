"""What a helpdesk reads: the probe command's text, the report document and its HTML form."""
