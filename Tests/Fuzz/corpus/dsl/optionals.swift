let d = ["a": [1, 2.5, nil], "b": true]
let x: Int? = nil
d["a"]![1] ?? 0
x ?? 7
