@testable import CustodesServer
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// The JSON log format: one object a line whatever the message holds, with the level, label and metadata.
@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test("a message with a line break and quotes stays one line of JSON, with its metadata")
    func oneObjectALine() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "custodes.test") { label in
            JSONLogHandler(label: label) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("first line\nsecond \"quoted\"", metadata: ["route": "/alerts/{id}"])
        logger.debug("not at info level")
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["message"] == "first line\nsecond \"quoted\"" && object["level"] == "info")
        #expect(object["label"] == "custodes.test" && object["hb.request.id"] == "42" && object["route"] == "/alerts/{id}")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }
}
