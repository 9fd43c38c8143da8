@testable import CustodesStore
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("sqlite: takes a path, with or without slashes")
    func sqlite() throws {
        #expect(try DatabaseURL("sqlite:custodes.sqlite").path == "custodes.sqlite")
        #expect(try DatabaseURL("sqlite:///tmp/x.sqlite").path == "/tmp/x.sqlite")
        #expect(try DatabaseURL("sqlite:data/x.sqlite").engine == .sqlite)
    }

    @Test("postgres:// gives host, port, user and database, and never prints the password")
    func postgres() throws {
        let url = try DatabaseURL("postgres://ccu:s3cret%21@db.internal:6543/custodes")
        #expect(url.engine == .postgres)
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.username == "ccu")
        #expect(url.password == "s3cret!")
        #expect(url.database == "custodes")
        #expect(url.description == "postgres://ccu:***@db.internal:6543/custodes")
        #expect(!"\(url)".contains("s3cret"))
        #expect(try DatabaseURL("postgresql://u@h/d").port == 5432)
    }

    @Test("a bad URL is refused with a message that masks the password")
    func bad() {
        for text in ["mysql://u:pw@h/d", "sqlite:", "sqlite::memory:", "postgres://u:topsecret@/d",
                     "postgres://u:topsecret@host"] {
            #expect(throws: StoreError.self) { try DatabaseURL(text) }
            do {
                _ = try DatabaseURL(text)
            } catch {
                #expect(!error.description.contains("topsecret"), "\(error.description)")
            }
        }
    }

    @Test("--db wins over CUSTODES_DATABASE_URL, which is used when --db is absent")
    func resolve() throws {
        let environment = ["CUSTODES_DATABASE_URL": "sqlite:from-env.sqlite"]
        #expect(try DatabaseURL.resolve("sqlite:option.sqlite", environment: environment).path == "option.sqlite")
        #expect(try DatabaseURL.resolve(nil, environment: environment).path == "from-env.sqlite")
        #expect(throws: StoreError.self) { try DatabaseURL.resolve(nil, environment: [:]) }
    }

    @Test("retry delays double up to the ceiling")
    func backOff() {
        let policy = RetryPolicy(attempts: 10, firstDelay: .milliseconds(250), maximumDelay: .seconds(2))
        #expect(policy.delay(before: 1) == .milliseconds(250))
        #expect(policy.delay(before: 2) == .milliseconds(500))
        #expect(policy.delay(before: 4) == .seconds(2))
        #expect(policy.delay(before: 9) == .seconds(2))
    }
}

@Suite("Database URLs round trip")
struct DatabaseURLRoundTripTests {
    @Test("the connection string carries the password through percent-encoding, for child processes only")
    func connectionString() throws {
        let url = try DatabaseURL("postgres://ccu:p%40ss%3Aword@h:5433/d")
        #expect(url.password == "p@ss:word")
        #expect(try DatabaseURL(url.connectionString) == url)
        #expect(!url.description.contains("p@ss"))
    }
}
