-- Neovim's built-in LSP client attached to `okrc lsp` ($OKRC) on the current
-- buffer: writes what it received (diagnostics, a definition, a hover; the
-- buffer formatted through the server) to
-- $OKR_LSP_RESULT, one fact a line, and quits.
local out = {}
local function say(s) table.insert(out, s) end
local function finish()
  vim.fn.writefile(out, os.getenv('OKR_LSP_RESULT'))
  vim.cmd('qall!')
end
local ok, err = pcall(function()
  local client = vim.lsp.start_client({
    name = 'okrc', cmd = {os.getenv('OKRC'), 'lsp'},
    root_dir = vim.fn.expand('%:p:h'), init_options = {asOf = '2027-02-15'},
  })
  if not client then say('no client'); return end
  vim.lsp.buf_attach_client(0, client)
  if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
    say('no diagnostics'); return
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    say(string.format('diagnostic %d:%d %s %s %s', d.lnum + 1, d.col + 1, d.severity,
                      d.code or lsp.code or '?', d.message))
  end
  local function request(method, line, character)
    local params = {textDocument = vim.lsp.util.make_text_document_params(),
                    position = {line = line, character = character}}
    local answers = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
    for _, a in pairs(answers) do if a.result then return a.result end end
  end
  -- Line 8 is "  grow.revenue = 14M USD"; character 8 is inside "revenue"
  -- ($OKR_LSP_AT, "line,character" from 0, names another place).
  local at_line, at_char = 7, 8
  local at = os.getenv('OKR_LSP_AT')
  if at then at_line, at_char = at:match('(%d+),(%d+)'); at_line, at_char = tonumber(at_line), tonumber(at_char) end
  local def = request('textDocument/definition', at_line, at_char)
  if def then
    local loc = def.range and def or def[1]
    say(string.format('definition %s %d:%d', vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ':t'),
                      loc.range.start.line + 1, loc.range.start.character + 1))
  end
  local hover = request('textDocument/hover', at_line, at_char)
  if hover then
    local value = type(hover.contents) == 'table' and hover.contents.value or tostring(hover.contents)
    say('hover ' .. value:gsub('\n', ' '))
  end
  -- Formatting ($OKR_LSP_FORMATTED: where the formatted buffer is written),
  -- with Neovim 0.7's own call, which applies the edits to the buffer.
  local formatted = os.getenv('OKR_LSP_FORMATTED')
  if formatted then
    vim.lsp.buf.formatting_sync(nil, 10000)
    vim.fn.writefile(vim.api.nvim_buf_get_lines(0, 0, -1, false), formatted)
    say('formatted')
  end
end)
if not ok then say('error ' .. tostring(err)) end
finish()
