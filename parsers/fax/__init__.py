"""The fax path: page images or text layers -> OCR words -> fields that were read, never guessed."""
