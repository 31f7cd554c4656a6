func f(_ n: Int) -> Int {
  guard n > 0 else { return 0 }
  return n + f(n - 1)
}
print("sum \(f(10))")
f(5) % 3
