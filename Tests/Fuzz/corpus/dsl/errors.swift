let x = [3, 1, 2]
x.append(4)
redis("GET", "k")
let y = 1 / 0
