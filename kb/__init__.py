"""信访工作知识库的内容生成器。

纯 Python，不依赖 MkDocs：读取 YAML（loader）→ 校验（schema、rules、privacy、terms）
→ 建模（model）→ 渲染（render，Jinja 模板在 kb/templates/）。MkDocs 钩子只做适配。
"""

from .errors import KbError, Problem
from .library import Library, load_library

__all__ = ["KbError", "Problem", "Library", "load_library"]
