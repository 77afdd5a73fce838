"""Tanda Tangan Elektronik: PAdES signing (local PKCS#12 or the BSrE Esign Client Service),
the development CA, and verification of issued documents."""
