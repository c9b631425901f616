// CryptoSupportTests: placeholder.
