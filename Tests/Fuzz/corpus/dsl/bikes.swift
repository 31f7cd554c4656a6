let bikes = [["price": 300, "model": "A"], ["price": 900, "model": "B"]]
bikes.filter { $0.price > 500 }.map { $0.model }
