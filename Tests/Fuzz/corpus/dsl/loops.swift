var total = 0
for (i, n) in [1, 2, 3].enumerated() where i > 0 { total += n * i }
while total < 100 { total *= 2 }
total
