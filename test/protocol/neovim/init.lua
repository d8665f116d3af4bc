-- A minimal Neovim init (no plugins, no user config: nvim --headless --clean -u this): opens the spec
-- given in $EVALSPEC_SPEC, attaches the built language server ($EVALSPEC_SERVER, over stdio) through
-- Neovim's built-in LSP client, and writes what the client received to $EVALSPEC_OUT as JSON:
-- diagnostics, a hover, the document symbols, and the buffer after applying a quick fix.
-- Every wait is vim.wait on a condition with a bound, never a fixed sleep. Neovim 0.7 API
-- (Debian bookworm's neovim): vim.lsp.start_client + buf_attach_client.
local out = { steps = {} }
local timeout = tonumber(os.getenv('EVALSPEC_TIMEOUT_MS') or '60000')

local function finish(code)
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('EVALSPEC_OUT'))
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local function run()
  local spec = os.getenv('EVALSPEC_SPEC')
  vim.cmd('edit ' .. vim.fn.fnameescape(spec))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  local client_id = vim.lsp.start_client({
    name = 'evalspec',
    cmd = { os.getenv('EVALSPEC_NODE') or 'node', os.getenv('EVALSPEC_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(spec, ':h'),
  })
  assert(client_id, 'the language server did not start')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'could not attach the client')
  table.insert(out.steps, 'attached')

  -- Diagnostics: wait until the golden-set one is published.
  local function codes()
    local c = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do c[#c + 1] = d.code end
    return c
  end
  local arrived = vim.wait(timeout, function() return vim.tbl_contains(codes(), 'golden-set-too-small') end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    out.diagnostics[#out.diagnostics + 1] = {
      code = d.code, line = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    }
  end
  assert(arrived, 'no golden-set-too-small diagnostic within the timeout; got ' .. vim.inspect(codes()))
  table.insert(out.steps, 'diagnostics')

  local uri = vim.uri_from_bufnr(buf)
  local size_line
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match('^  size: 200') then size_line = i - 1 end
  end
  assert(size_line, 'no "  size: 200" line in the spec')

  -- Hover on the golden set's size.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = size_line, character = 3 } }, timeout)
  local h = hover and hover[client_id] and hover[client_id].result
  out.hover = h and h.contents and (h.contents.value or h.contents) or vim.NIL
  table.insert(out.steps, 'hover')

  -- Document symbols.
  local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, timeout)
  out.symbols = {}
  for _, s in ipairs((symbols and symbols[client_id] and symbols[client_id].result) or {}) do
    out.symbols[#out.symbols + 1] = s.name
  end
  table.insert(out.steps, 'symbols')

  -- The quick fix of golden-set-too-small, with the diagnostic as the client stored it (code + data).
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'golden-set-too-small' then target = d end
  end
  local lsp = target.user_data and target.user_data.lsp or {}
  local context = { diagnostics = { {
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    severity = 1, code = target.code, source = target.source, message = target.message, data = lsp.data,
  } } }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = context.diagnostics[1].range, context = context,
  }, timeout)
  out.actions = {}
  local chosen
  for _, a in ipairs((actions and actions[client_id] and actions[client_id].result) or {}) do
    out.actions[#out.actions + 1] = a.title
    if a.isPreferred and a.edit then chosen = a end
  end
  assert(chosen, 'no preferred quick fix with an edit')
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  out.fixedLine = vim.api.nvim_buf_get_lines(buf, size_line, size_line + 1, false)[1]
  -- The server re-analyses the changed buffer: the diagnostic goes away.
  out.fixCleared = vim.wait(timeout, function() return not vim.tbl_contains(codes(), 'golden-set-too-small') end, 20)
  table.insert(out.steps, 'code action')

  vim.lsp.stop_client(client_id)
  finish(0)
end

local ok, err = pcall(run)
if not ok then
  out.error = tostring(err)
  finish(3)
end
