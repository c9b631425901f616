// RegistryStoreTests: placeholder.
