/** "Buongiorno" until late afternoon, then "Buonasera". */
export function greeting(now: Date = new Date()): string {
  return now.getHours() < 17 ? 'Buongiorno' : 'Buonasera';
}
