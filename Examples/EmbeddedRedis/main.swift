// Starts the embedded Redis server, stores two bike documents as JSON with one pipeline,
// reads a field back, and stops the server.
//
//     swift run EmbeddedRedisExample
import RedbookRedis
import RedbookServer

let server = try EmbeddedServer.start()
defer { server.stop() }
let redis = try RedisConnection(url: server.url)

let bikes = [
    ("bikes:ex1", #"{"model":"Pebble","brand":"Ridgeline","price":340,"type":"Kids bikes"}"#),
    ("bikes:ex2", #"{"model":"Switchback","brand":"Cobaltworks","price":1890,"type":"Mountain bikes"}"#),
]
let replies = try redis.pipeline(bikes.map { RedisCommand("JSON.SET", $0.0, "$", $0.1) })
print("stored \(replies.filter { $0 == .status("OK") }.count) documents on Redis \(try ServerModules.redisVersion(redis))")

let models = try redis.call("JSON.MGET", "bikes:ex1", "bikes:ex2", "$.model")
for (key, reply) in zip(bikes.map(\.0), models.elements ?? []) {
    print("\(key) model: \(reply.string ?? "(nil)")")
}
