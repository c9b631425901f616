// SocketsTests: placeholder.
