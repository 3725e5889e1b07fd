// Marks of unsolicited offers (loan, investment and contact-me spam) in reader comments.
const SPAM_MARKS: readonly RegExp[] = [
  /\b(private|registered|legit(imate)?|genuine)\s+(money\s+)?(loan\s+)?lenders?\b/i,
  /\b(loans?|funds?|financing)\s+(to|for)\s+(assist|help)\b/i,
  /\binterest rates?\s+(as\s+)?low\b/i,
  /\bkindly\s+(contact|email|reach)\b/i,
  /\bcontact\s+(this|our|my)\s+(email|whatsapp|number)\b/i,
  /\b(whatsapp|telegram)\s*[:+]?\s*\+?\d/i,
  /\bif\s+interested\b/i,
  /\b(earn|make)\s+\$?\d[\d,]*\s+(a|per)\s+(day|week|month)\b/i,
  /\bclick\s+here\b/i,
  /\brepayment\s+(duration|period)\b/i,
]

/** True when a comment reads as spam: two or more marks of an unsolicited offer. */
export function isSpam(text: string): boolean {
  let marks = 0
  for (const re of SPAM_MARKS) if (re.test(text)) marks += 1
  return marks >= 2
}
