import HTTPServer

extension JSONWriter {
    /// `"name": "value"`, or `"name": null` when there is no value.
    mutating func member(_ name: String, orNull value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
}
