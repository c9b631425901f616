// HTTPServerTests: placeholder.
