#!/usr/bin/env sh
# Writes .env at the repository root with a fresh random value for every variable named in
# deploy/secrets.example.env, readable by its owner only. Never overwrites an existing .env.
set -eu
cd "$(dirname "$0")/.."
if [ -e .env ]; then
    echo ".env exists; remove it first to make new secrets (running volumes keep the old ones)" >&2
    exit 1
fi
umask 077
grep -E '^[A-Z0-9_]+=' deploy/secrets.example.env | cut -d= -f1 | while read -r name; do
    case "$name" in
        *SEALKEY) value=$(head -c 32 /dev/urandom | base64 | tr -d '\n') ;; # an AES-256 key, base64
        *) value=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n') ;;
    esac
    printf '%s=%s\n' "$name" "$value"
done > .env
echo "Wrote .env with new secrets."
