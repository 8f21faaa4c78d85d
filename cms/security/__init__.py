"""Safety, privacy and security for Taller: response headers, the admin's
login protection, upload checks, private logs and editor roles.

SECURITY.md at the root of the repository explains the whole picture.
"""
