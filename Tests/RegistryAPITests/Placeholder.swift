// RegistryAPITests: placeholder.
