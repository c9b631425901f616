// RegistryDomainTests: placeholder.
