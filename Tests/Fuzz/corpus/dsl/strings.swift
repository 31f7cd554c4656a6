let s = """
  a \(1 + 2)
  """
let d = json("{\"a\": [1, 2.5, null]}")
(s.uppercased(), d)
