#!/usr/bin/env bash
# The offline copy, for a shared drive or USB stick: opened from file:// with no server and no
# internet (Material's offline plugin; links name index.html; search index inlined).
#   bash scripts/pack-offline.sh [OUT_DIR]   ->  OUT_DIR/xfkb-offline-YYYYMMDD.zip (default: .)
# Set SITE_URL as for a deployment build if the printed sheets should point at the intranet copy.
set -euo pipefail
cd "$(dirname "$0")/.."
out_dir=$(cd "${1:-.}" && pwd)
name="xfkb-offline-$(date +%Y%m%d)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export NO_MKDOCS_2_WARNING=1
OFFLINE=true python3 -m mkdocs build --strict --quiet -d "$work/$name"
cat > "$work/$name/使用说明.txt" <<'TXT'
信访工作知识库（离线版）

打开方法：双击本文件夹中的 index.html，用浏览器打开即可。不需要网络，也不需要服务器。
搜索、清单和案例都能在本机使用；打印单页在各清单页的“打印单页（A4）”按钮里。
请整个文件夹一起复制，不要只复制 index.html。
TXT
rm -f "$out_dir/$name.zip"
(cd "$work" && python3 -m zipfile -c "$out_dir/$name.zip" "$name")
echo "$out_dir/$name.zip"
