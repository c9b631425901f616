// HTTP1Tests: placeholder.
