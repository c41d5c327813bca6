#!/usr/bin/env bash
# A certificate authority of the venue's own and a server certificate it signs, for a site without a public CA.
# Usage: scripts/tls-venue-ca.sh OUT_DIR HOST_NAME [IP_ADDRESS...]
#   e.g. scripts/tls-venue-ca.sh /etc/jiangxin/tls jiangxin.venue.lan 192.168.10.5
# Writes OUT_DIR/ca.key (keep it offline), ca.crt and ca.der (install these on the tablets), server.key and
# server.crt (give them to --tls-key and --tls-cert). Re-running keeps an existing CA and issues a new server
# certificate, so tablets that trust the CA need nothing new. See docs/operations.md, "HTTPS".
set -euo pipefail
out=${1:?usage: $0 OUT_DIR HOST_NAME [IP_ADDRESS...]}
host=${2:?usage: $0 OUT_DIR HOST_NAME [IP_ADDRESS...]}
shift 2
mkdir -p "$out"
cd "$out"
umask 077

if [ ! -f ca.key ]; then
  # 10 years: the CA is installed once per tablet.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 3650 \
    -keyout ca.key -out ca.crt -subj "/O=Jiangxin venue CA/CN=Jiangxin venue CA ${host}" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign"
fi
openssl x509 -in ca.crt -outform der -out ca.der

san="DNS:${host}"
for ip in "$@"; do
  san="${san},IP:${ip}"
done
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -keyout server.key -out server.csr \
  -subj "/CN=${host}"
# 397 days: browsers and iOS refuse longer-lived server certificates.
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 397 -out server.crt \
  -extfile <(printf '%s\n' "subjectAltName=${san}" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth")
rm -f server.csr
chmod 644 ca.crt ca.der server.crt
echo "CA fingerprint (compare on each tablet):"
openssl x509 -in ca.crt -noout -fingerprint -sha256
