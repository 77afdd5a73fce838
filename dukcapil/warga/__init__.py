"""The citizen's account and online applications (Pekanbaru PELITA 3: «secara online melalui media
pelayanan online»): sign-up checked against the register with a one-time code, applications with
uploaded persyaratan verified online by the loket, the resi and signed documents in the account."""
