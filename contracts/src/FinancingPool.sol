// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HardwareAssetRegistry} from "./HardwareAssetRegistry.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "./interfaces/IERC7540.sol";

/// @dev Bounds shared with PoolFactory, which checks its defaults against them.
uint16 constant POOL_MAX_PROTOCOL_FEE_BPS = 2_000;
uint32 constant POOL_MIN_STREAM_DURATION = 1 hours;
uint32 constant POOL_MAX_STREAM_DURATION = 90 days;

/// @notice One financing round for an operator of AI compute or robotics hardware: an ERC-4626 vault over USDC
/// with ERC-7540 asynchronous exits.
///
/// - Principal: `totalAssets = idle + outstanding principal - provisions`. The manager deploys idle USDC to the
///   project's own machines (never beyond a per-asset limit the admin sets through the timelock, never what
///   waiting exits are owed), records repayments, marks impairments with an expected loss (a provision that
///   every exit prices in at once), writes provisioned losses off, and books recoveries as principal.
/// - Real yield: the reporter distributes each asset's net operating revenue in USDC. A protocol fee goes to the
///   treasury; the rest is owed to shareholders pro rata through a reward-per-share accumulator, settled on every
///   mint, burn and transfer, and claimed in cash. Revenue never moves the share price. Each distribution is
///   streamed over `revenueStreamDuration` so that a deposit made just before it earns only its time-weighted
///   share; a new distribution merges into the running stream weighted by amount, so dust cannot delay release.
/// - Exit: instant `withdraw`/`redeem` up to idle liquidity when nobody is queued; beyond that an ERC-7540
///   `requestRedeem` locks the owner's shares in a FIFO queue (a linked list: cancelled and filled requests are
///   unlinked and never walked again). Anyone may fill it from idle USDC with `fillRedemptions`; the controller
///   then claims through `redeem`/`withdraw`. Cancellation is ERC-7887, synchronous.
/// - Pause (guardian) stops deposits, exits, transfers, requests and every manager and reporter action; claiming
///   revenue owed and filled redemptions stays open.
contract FinancingPool is
    ERC4626,
    AccessControl,
    ReentrancyGuardTransient,
    IERC7540Operator,
    IERC7540Redeem,
    IERC7887Redeem
{
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    enum Category {
        Compute,
        Robotics
    }

    enum Status {
        Raising,
        Active,
        Closed
    }

    struct Params {
        IERC20 usdc;
        HardwareAssetRegistry registry;
        string name;
        string symbol;
        Category category;
        uint256 projectId;
        address projectOperator;
        uint256 depositCap;
        uint256 minDeposit;
        bool permissioned;
        string metadataURI;
        bytes32 metadataHash;
        address admin;
        address manager;
        address reporter;
        address guardian;
        address compliance;
        address treasury;
        uint16 protocolFeeBps;
        uint32 revenueStreamDuration;
    }

    /// @dev Outstanding = deployed - repaid - writtenDown; value = outstanding - provision.
    struct AssetCapital {
        uint128 deployed;
        uint128 repaid;
        uint128 writtenDown;
        uint128 recovered;
        uint128 provision;
        uint128 limit;
    }

    /// @dev A queue entry; ids start at 1 so that 0 ends the list.
    struct Request {
        address owner;
        uint48 prev;
        uint48 next;
        address controller;
        uint128 pendingShares;
        uint128 filledShares;
    }

    /// @dev The revenue accumulator and its stream in one slot, read by every share movement. The accumulator is
    /// bounded by the revenue ever released × 1e18 (MIN_ACCRUAL_SUPPLY), so 128 bits hold 3.4e14 USDC of it; what
    /// streams at once fits 64 bits (1.8e13 USDC); times 32 bits (until 2106).
    struct Accrual {
        uint128 accPerShare;
        uint64 remaining;
        uint32 end;
        uint32 updatedAt;
    }

    /// @dev A holder's shares and revenue position in one slot, so settling revenue costs no storage of its own.
    /// Revenue owed = balance × accPerShare − revenueDebt (the MasterChef debt form): a balance change adjusts the
    /// debt by the moved shares' worth, which keeps what was owed without a separate checkpoint and owed amount.
    /// `hasExits` is set once the account has used the exit queue, so holders who never did skip reading it.
    struct Account {
        uint120 balance;
        bool hasExits;
        int128 revenueDebt;
    }

    /// @dev Shares locked in the queue (as owner) and filled shares to claim (as controller), in one slot.
    struct ExitAccount {
        uint128 lockedShares;
        uint128 claimableShares;
    }

    struct Distribution {
        uint256 assetId;
        uint256 amount;
        uint64 periodStart;
        uint64 periodEnd;
    }

    bytes32 public constant POOL_MANAGER_ROLE = keccak256("POOL_MANAGER_ROLE");
    bytes32 public constant REVENUE_REPORTER_ROLE = keccak256("REVENUE_REPORTER_ROLE");
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");

    uint16 public constant MAX_PROTOCOL_FEE_BPS = POOL_MAX_PROTOCOL_FEE_BPS;
    uint32 public constant MIN_STREAM_DURATION = POOL_MIN_STREAM_DURATION;
    uint32 public constant MAX_STREAM_DURATION = POOL_MAX_STREAM_DURATION;
    /// @dev Reward-per-share scale: 1e36 keeps sub-wei precision per share for supplies up to 1e30 shares.
    uint256 private constant ACC_PRECISION = 1e36;
    /// @dev Revenue is only released to a supply of at least this many shares (one USDC's worth at the first
    /// deposit's price); below it the stream waits, keeping the time it had left. This bounds the accumulator by
    /// the revenue ever released × 1e18, inside 128 bits.
    uint256 private constant MIN_ACCRUAL_SUPPLY = 1e18;
    /// @dev 10 ** _decimalsOffset(): the virtual shares of OpenZeppelin's ERC-4626 conversion, as a constant.
    uint256 private constant VIRTUAL_SHARES = 1e12;

    HardwareAssetRegistry public immutable registry;
    Category public immutable category;
    uint256 public immutable projectId;
    /// @notice The only address capital can go to: the project's operator as the factory recorded it.
    address public immutable projectOperator;
    bytes32 public immutable metadataHash;
    /// @notice Pools created permissioned take deposits and share transfers only to allowlisted addresses.
    bool public immutable permissioned;
    /// @notice Smallest revenue distribution (one whole unit of the asset): dust cannot be used to touch the stream.
    uint256 public immutable minDistribution;

    // Storage is packed by what is read and written together: a deposit or an instant exit reads three pool slots
    // and the holder's account and writes one of them (two while revenue streams), where a plain ERC-4626 reads
    // and writes the supply and the balance (gas; see bench/gas.ts). The share balances and supply live here, not
    // in OpenZeppelin's ERC20 slots, for that. USDC amounts: 72 bits hold 4.7e15 USDC, 64 bits 1.8e13.
    string public metadataURI;

    // What every deposit and exit writes: the share supply and idle cash; and what each checks: the pause and the
    // exit queue's head (an instant exit must not jump the queue). _depositShares reads this slot and the next as
    // words: keep their order and widths.
    uint128 private _shareSupply;
    uint72 public idle;
    uint48 public queueHead;
    bool private _paused;

    // What every deposit and exit reads: the status, the deposit limits and the rest of the principal.
    Status public status;
    uint64 public depositCap;
    uint48 private _minDeposit;
    uint72 public outstandingPrincipal;
    uint64 public totalProvisions;

    Accrual private _accrual;
    mapping(address account => Account) private _accounts;

    address public treasury;
    uint16 public protocolFeeBps;
    uint32 public revenueStreamDuration;
    mapping(uint256 assetId => AssetCapital) public assetCapital;

    // Queued exits' totals.
    uint128 public pendingRedeemShares;
    uint128 public reservedForRedemptions;

    // Real yield.
    /// @notice USDC owed to shareholders: streaming, released and not yet claimed. Never counted as principal.
    uint128 public revenueHeld;
    uint128 public totalRevenueClaimed;
    uint256 public totalRevenueDistributed;

    // Queued exits.
    mapping(uint256 requestId => Request) private _requests;
    uint48 public queueTail;
    uint48 public redeemRequestCount;
    mapping(address account => ExitAccount) private _exits;
    mapping(address controller => uint256) private _claimableAssets;
    mapping(address controller => mapping(address operator => bool)) public override isOperator;

    mapping(address account => bool) public isAllowed;

    event PoolStatusChanged(Status previousStatus, Status status);
    event DepositLimitsUpdated(uint256 depositCap, uint256 minDeposit);
    event ProtocolFeeUpdated(address treasury, uint16 protocolFeeBps);
    event AssetLimitUpdated(uint256 indexed assetId, uint256 limit);
    event CapitalDeployed(uint256 indexed assetId, address indexed operator, uint256 amount);
    event PrincipalRepaid(uint256 indexed assetId, address indexed payer, uint256 amount);
    event ProvisionUpdated(uint256 indexed assetId, uint256 previousProvision, uint256 provision);
    event PrincipalWrittenDown(uint256 indexed assetId, uint256 amount);
    event PrincipalRecovered(uint256 indexed assetId, address indexed payer, uint256 amount);
    event RevenueDistributed(
        uint256 indexed assetId,
        uint256 grossAmount,
        uint256 protocolFee,
        uint256 netAmount,
        uint64 periodStart,
        uint64 periodEnd,
        uint64 streamEnd
    );
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);
    event RedeemRequestFilled(
        uint256 indexed requestId, address indexed controller, address indexed owner, uint256 shares, uint256 assets
    );
    /// @notice A claim of filled redemptions; the ERC-4626 Withdraw event follows it in the same transaction.
    event RedemptionClaimed(address indexed controller, address indexed receiver, uint256 shares, uint256 assets);
    event AllowlistUpdated(address indexed account, bool allowed);
    event Paused(address account);
    event Unpaused(address account);

    error DepositsClosed();
    error BelowMinimumDeposit(uint256 assets, uint256 minDeposit);
    error BelowMinimumRequest(uint256 assets, uint256 minimum);
    error BelowMinimumDistribution(uint256 amount, uint256 minimum);
    error FeeOnTransferNotSupported(uint256 expected, uint256 received);
    error AssetNotInPool(uint256 assetId);
    error AssetNotFinanceable(uint256 assetId);
    error AssetOperatorNotProject(uint256 assetId, address operator);
    error AssetNotImpaired(uint256 assetId);
    error ExceedsAssetLimit(uint256 assetId, uint256 outstandingAfter, uint256 limit);
    error ExceedsDeployable(uint256 requested, uint256 deployable);
    error ExceedsOutstanding(uint256 assetId, uint256 amount, uint256 outstanding);
    error ExceedsProvision(uint256 assetId, uint256 amount, uint256 provision);
    error ExceedsWrittenDown(uint256 assetId, uint256 amount, uint256 recoverable);
    error ProvisionNotRaised(uint256 assetId, uint256 current, uint256 requested);
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error InvalidParameter();
    error InvalidStatusChange(Status from, Status to);
    error SharesLocked(address owner, uint256 requested, uint256 unlocked);
    error UnknownRequest(uint256 requestId);
    error NotControllerOrOperator(address controller, address caller);
    error ExceedsClaimable(uint256 requested, uint256 claimable);
    error NotAllowed(address account);
    error NothingToClaim();
    error ZeroAmount();
    error EnforcedPause();
    error ExpectedPause();

    modifier whenNotPaused() {
        _requireNotPaused();
        _;
    }

    constructor(Params memory p) ERC20(p.name, p.symbol) ERC4626(p.usdc) {
        if (
            address(p.registry) == address(0) || p.admin == address(0) || p.treasury == address(0)
                || p.projectOperator == address(0) || p.protocolFeeBps > MAX_PROTOCOL_FEE_BPS
                || p.revenueStreamDuration < MIN_STREAM_DURATION || p.revenueStreamDuration > MAX_STREAM_DURATION
                || p.minDeposit > p.depositCap
        ) revert InvalidParameter();
        registry = p.registry;
        category = p.category;
        projectId = p.projectId;
        projectOperator = p.projectOperator;
        metadataHash = p.metadataHash;
        permissioned = p.permissioned;
        minDistribution = 10 ** (decimals() - _decimalsOffset());
        metadataURI = p.metadataURI;
        depositCap = p.depositCap.toUint64();
        _minDeposit = p.minDeposit.toUint48();
        treasury = p.treasury;
        protocolFeeBps = p.protocolFeeBps;
        revenueStreamDuration = p.revenueStreamDuration;
        _grantRole(DEFAULT_ADMIN_ROLE, p.admin);
        if (p.manager != address(0)) _grantRole(POOL_MANAGER_ROLE, p.manager);
        if (p.reporter != address(0)) _grantRole(REVENUE_REPORTER_ROLE, p.reporter);
        if (p.guardian != address(0)) _grantRole(GUARDIAN_ROLE, p.guardian);
        if (p.compliance != address(0)) _grantRole(COMPLIANCE_ROLE, p.compliance);
    }

    // ─── ERC-4626 ──────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Principal: idle USDC plus capital deployed into hardware, net of repayments, write-downs and
    /// provisions for expected losses.
    function totalAssets() public view override returns (uint256) {
        (uint256 book, uint256 terms) = _poolWords();
        return _assetsIn(book, terms);
    }

    /// @dev The two pool slots every deposit and exit reads, as words: one SLOAD each, where Solidity reads a
    /// packed slot once per member. book = supply:128 | idle:72 | queueHead:48 | paused:8; terms = status:8 |
    /// depositCap:64 | minDeposit:48 | outstandingPrincipal:72 | totalProvisions:64 (the declarations' order).
    function _poolWords() private view returns (uint256 book, uint256 terms) {
        assembly ("memory-safe") {
            book := sload(_shareSupply.slot)
            terms := sload(status.slot)
        }
    }

    /// @dev idle + outstandingPrincipal - totalProvisions, from the words.
    function _assetsIn(uint256 book, uint256 terms) private pure returns (uint256) {
        return uint72(book >> 128) + uint72(terms >> 120) - uint64(terms >> 192);
    }

    function maxDeposit(address receiver) public view override returns (uint256) {
        if (paused() || status == Status.Closed || !_mayHold(receiver)) return 0;
        uint256 assets = totalAssets();
        uint256 room = assets >= depositCap ? 0 : depositCap - assets;
        // Room below the minimum deposit cannot be used: say so, as ERC-4626 asks.
        return room < _minDeposit ? 0 : room;
    }

    function maxMint(address receiver) public view override returns (uint256) {
        return convertToShares(maxDeposit(receiver));
    }

    /// @notice What `controller` can withdraw now: its filled redemptions when it has any (ERC-7540 claim),
    /// otherwise its unlocked shares up to idle liquidity, and nothing while requests wait in the queue.
    function maxWithdraw(address controller) public view override returns (uint256) {
        ExitAccount memory e = _exitsOf(controller);
        if (e.claimableShares > 0) return _claimableAssets[controller];
        if (paused() || _queueWaiting()) return 0;
        return Math.min(previewRedeem(balanceOf(controller) - e.lockedShares), idle);
    }

    function maxRedeem(address controller) public view override returns (uint256) {
        ExitAccount memory e = _exitsOf(controller);
        if (e.claimableShares > 0) return e.claimableShares;
        if (paused() || _queueWaiting()) return 0;
        return Math.min(balanceOf(controller) - e.lockedShares, _convertToShares(idle, Math.Rounding.Floor));
    }

    // Deposits and instant exits check their limits in one pass over the pool's slots (what maxDeposit and
    // maxRedeem would compute), and only compute the maximum for the error when a limit is hit (gas).

    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256 shares) {
        shares = _depositShares(receiver, assets);
        _deposit(msg.sender, receiver, assets, shares);
    }

    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256 assets) {
        assets = previewMint(shares);
        if (!_mayDeposit(receiver, totalAssets(), assets)) {
            revert ERC4626ExceededMaxMint(receiver, shares, maxMint(receiver));
        }
        _checkMinimum(assets, _minDeposit);
        _deposit(msg.sender, receiver, assets, shares);
    }

    /// @notice ERC-7540 claim of filled redemptions when `controller` has any; otherwise an instant ERC-4626 exit.
    function withdraw(uint256 assets, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 shares)
    {
        ExitAccount memory e = _exitsOf(controller);
        uint256 claimableShares = e.claimableShares;
        if (claimableShares == 0) {
            shares = previewWithdraw(assets);
            if (!_mayExitNow(controller, e, shares, assets <= idle)) {
                revert ERC4626ExceededMaxWithdraw(controller, assets, maxWithdraw(controller));
            }
            _withdraw(msg.sender, receiver, controller, assets, shares);
            return shares;
        }
        uint256 claimableAssets = _claimableAssets[controller];
        if (assets > claimableAssets) revert ExceedsClaimable(assets, claimableAssets);
        // Rounded down: the claim is all the controller's own, and rounding down never leaves assets without shares.
        shares = assets == claimableAssets ? claimableShares : Math.mulDiv(assets, claimableShares, claimableAssets);
        _claimRedemption(controller, receiver, shares, assets);
    }

    /// @notice ERC-7540 claim of filled redemptions when `controller` has any; otherwise an instant ERC-4626 exit.
    function redeem(uint256 shares, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 assets)
    {
        ExitAccount memory e = _exitsOf(controller);
        uint256 claimableShares = e.claimableShares;
        if (claimableShares == 0) {
            // What maxRedeem allows and previewRedeem pays, from one read of each pool slot: the price terms are
            // totalAssets + 1 and totalSupply + 10^12 (OpenZeppelin's virtual offset); idle × supply term < 2^201.
            (uint256 book, uint256 terms) = _poolWords();
            uint256 assetsTerm = _assetsIn(book, terms) + 1;
            uint256 sharesTerm = uint128(book) + VIRTUAL_SHARES;
            bool open = book >> 200 == 0; // queueHead and paused, the top 56 bits: nobody queued, not paused
            if (
                !open || shares > balanceOf(controller) - e.lockedShares
                    || shares > (uint72(book >> 128) * sharesTerm) / assetsTerm
            ) revert ERC4626ExceededMaxRedeem(controller, shares, maxRedeem(controller));
            // shares ≤ the owner's balance < 2^128 and the assets term < 2^73: no overflow.
            assets = (shares * assetsTerm) / sharesTerm;
            _withdraw(msg.sender, receiver, controller, assets, shares);
            return assets;
        }
        if (shares > claimableShares) revert ExceedsClaimable(shares, claimableShares);
        uint256 claimableAssets = _claimableAssets[controller];
        assets = shares == claimableShares ? claimableAssets : Math.mulDiv(shares, claimableAssets, claimableShares);
        _claimRedemption(controller, receiver, shares, assets);
    }

    /// @notice Approve (EIP-2612) and deposit in one transaction. A permit already used (front-run) is ignored
    /// when the allowance it granted is there.
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256)
    {
        try IERC20Permit(asset()).permit(msg.sender, address(this), assets, deadline, v, r, s) {} catch {}
        uint256 shares = _depositShares(receiver, assets);
        _deposit(msg.sender, receiver, assets, shares);
        return shares;
    }

    /// @dev previewDeposit, after checking what maxDeposit allows (open, allowed, under the cap) without computing
    /// it: one read of the price terms (totalAssets + 1, totalSupply + 10^12: OpenZeppelin's virtual offset).
    function _depositShares(address receiver, uint256 assets) private view returns (uint256) {
        (uint256 book, uint256 terms) = _poolWords();
        uint256 total = _assetsIn(book, terms);
        uint256 cap = uint64(terms >> 8);
        bool open = book >> 248 == 0 && Status(uint8(terms)) != Status.Closed; // not paused, not closed
        if (!open || !_mayHold(receiver) || total > cap || assets > cap - total) {
            revert ERC4626ExceededMaxDeposit(receiver, assets, maxDeposit(receiver));
        }
        _checkMinimum(assets, uint48(terms >> 72));
        // assets ≤ the cap < 2^64 and the supply term < 2^129: the product cannot overflow.
        return (assets * (uint128(book) + VIRTUAL_SHARES)) / (total + 1);
    }

    /// @dev An account's slot in one SLOAD and one SSTORE (Solidity reads and writes a packed struct member by
    /// member); the store checks the bounds that SafeCast would.
    function _loadAccount(Account storage a) private view returns (uint256 shares, bool hasExits, int256 debt) {
        assembly ("memory-safe") {
            let word := sload(a.slot)
            shares := and(word, 0xffffffffffffffffffffffffffffff)
            hasExits := and(shr(120, word), 0xff)
            debt := sar(128, word)
        }
    }

    function _storeAccount(Account storage a, uint256 shares, bool hasExits, int256 debt) private {
        if (shares > type(uint120).max) revert SafeCast.SafeCastOverflowedUintDowncast(120, shares);
        if (debt != int128(debt)) revert SafeCast.SafeCastOverflowedIntDowncast(128, debt);
        assembly ("memory-safe") {
            sstore(a.slot, or(or(shares, shl(120, hasExits)), shl(128, debt)))
        }
    }

    function _checkMinimum(uint256 assets, uint256 minimum) private pure {
        if (assets == 0) revert ZeroAmount();
        if (assets < minimum) revert BelowMinimumDeposit(assets, minimum);
    }

    /// @dev Open, allowed, and `assets` more than `total` stays under the cap.
    function _mayDeposit(address receiver, uint256 total, uint256 assets) private view returns (bool) {
        uint256 cap = depositCap;
        return !paused() && status != Status.Closed && _mayHold(receiver) && total <= cap && assets <= cap - total;
    }

    /// @dev Callers have checked the limits (_depositShares, or mint's own checks).
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        if (shares == 0) revert ZeroAmount();
        _pull(caller, assets);
        idle = (idle + assets).toUint72();
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
    }

    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        idle = uint72(idle - assets);
        super._withdraw(caller, receiver, owner, assets, shares);
    }

    /// @dev What maxWithdraw and maxRedeem allow: not paused, nobody queued ahead, unlocked shares, idle cash.
    function _mayExitNow(address owner, ExitAccount memory e, uint256 shares, bool withinIdle)
        private
        view
        returns (bool)
    {
        return withinIdle && !paused() && !_queueWaiting() && shares <= balanceOf(owner) - e.lockedShares;
    }

    /// @dev Shares carry 12 more decimals than USDC (18 in all). With the virtual shares and assets this adds, a
    /// first-depositor donation attack costs the attacker about 1e12 times what it could steal; and donations do
    /// not count toward totalAssets at all.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    /// @notice Smallest deposit, and smallest exit request short of a whole position.
    function minDeposit() public view returns (uint256) {
        return _minDeposit;
    }

    function totalSupply() public view override(ERC20, IERC20) returns (uint256) {
        return _shareSupply;
    }

    function balanceOf(address account) public view override(ERC20, IERC20) returns (uint256) {
        return _accounts[account].balance;
    }

    /// @dev Every balance change first releases the revenue stream, then moves the shares and their revenue debt
    /// together: shares leaving take their worth at today's accumulator off the debt (rounded down), shares
    /// arriving add theirs (rounded up), so what each side was owed stays and rounding never pays out more than
    /// was released. Transfers stop while paused, locked shares cannot move, and a permissioned pool's shares
    /// only go to allowlisted holders. Replaces ERC20._update: balances and supply live in this contract's slots.
    function _update(address from, address to, uint256 value) internal override {
        uint256 acc = _accrueRevenue();
        // acc < 2^128 and value < 2^128 (the supply's bound): value × acc cannot overflow.
        if (from == address(0)) {
            _shareSupply = (_shareSupply + value).toUint128();
        } else {
            if (to != address(0)) {
                _requireNotPaused();
                if (!_mayHold(to)) revert NotAllowed(to);
            }
            Account storage a = _accounts[from];
            (uint256 balance, bool hasExits, int256 debt) = _loadAccount(a);
            uint256 unlocked = hasExits ? balance - _exits[from].lockedShares : balance;
            if (value > unlocked) revert SharesLocked(from, value, unlocked);
            _storeAccount(a, balance - value, hasExits, debt - int256((value * acc) / ACC_PRECISION));
        }
        if (to == address(0)) {
            _shareSupply = uint128(_shareSupply - value);
        } else {
            Account storage a = _accounts[to];
            (uint256 balance, bool hasExits, int256 debt) = _loadAccount(a);
            _storeAccount(
                a, balance + value, hasExits, debt + int256((value * acc + ACC_PRECISION - 1) / ACC_PRECISION)
            );
        }
        emit Transfer(from, to, value);
    }

    // ─── Lifecycle and parameters ──────────────────────────────────────────────────────────────────────────

    function activate() external whenNotPaused onlyRole(POOL_MANAGER_ROLE) {
        _setStatus(Status.Raising, Status.Active);
    }

    /// @notice Wind-down: no more deposits or deployments; repayments, revenue and exits go on.
    function close() external whenNotPaused onlyRole(POOL_MANAGER_ROLE) {
        if (status == Status.Closed) revert InvalidStatusChange(status, Status.Closed);
        _setStatus(status, Status.Closed);
    }

    function setDepositLimits(uint256 newCap, uint256 newMinDeposit)
        external
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (newMinDeposit > newCap) revert InvalidParameter();
        depositCap = newCap.toUint64();
        _minDeposit = newMinDeposit.toUint48();
        emit DepositLimitsUpdated(newCap, newMinDeposit);
    }

    /// @notice Admin only: the admin is a TimelockController, so a change waits out its delay in public.
    function setProtocolFee(address newTreasury, uint16 newFeeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0) || newFeeBps > MAX_PROTOCOL_FEE_BPS) revert InvalidParameter();
        treasury = newTreasury;
        protocolFeeBps = newFeeBps;
        emit ProtocolFeeUpdated(newTreasury, newFeeBps);
    }

    /// @notice Most principal that may be outstanding in one asset. Admin (timelock) only: not the manager's.
    function setAssetLimit(uint256 assetId, uint256 limit) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _operatorOfOwnAsset(assetId);
        assetCapital[assetId].limit = limit.toUint128();
        emit AssetLimitUpdated(assetId, limit);
    }

    function setAllowed(address account, bool allowed) external onlyRole(COMPLIANCE_ROLE) {
        isAllowed[account] = allowed;
        emit AllowlistUpdated(account, allowed);
    }

    function pause() external onlyRole(GUARDIAN_ROLE) {
        _requireNotPaused();
        _paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyRole(GUARDIAN_ROLE) {
        if (!_paused) revert ExpectedPause();
        _paused = false;
        emit Unpaused(msg.sender);
    }

    /// @dev Kept beside the supply and idle cash (one slot every deposit and exit reads) rather than in
    /// OpenZeppelin's Pausable slot.
    function paused() public view returns (bool) {
        return _paused;
    }

    function _requireNotPaused() private view {
        if (_paused) revert EnforcedPause();
    }

    function _setStatus(Status from, Status to) private {
        if (status != from) revert InvalidStatusChange(status, to);
        status = to;
        emit PoolStatusChanged(from, to);
    }

    function _mayHold(address account) private view returns (bool) {
        return !permissioned || isAllowed[account];
    }

    // ─── Capital ───────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Idle USDC the manager may deploy: what waiting exits are owed stays in the pool.
    function deployableCapital() public view returns (uint256) {
        uint256 owed = pendingRedeemShares == 0 ? 0 : _convertToAssets(pendingRedeemShares, Math.Rounding.Ceil);
        return idle > owed ? idle - owed : 0;
    }

    /// @notice Sends idle USDC to the project's operator for one of this pool's hardware assets.
    function deployCapital(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (status == Status.Closed) revert DepositsClosed();
        if (amount == 0) revert ZeroAmount();
        address operator = _operatorOfOwnAsset(assetId);
        if (operator != projectOperator) revert AssetOperatorNotProject(assetId, operator);
        HardwareAssetRegistry.Status assetStatus = registry.statusOf(assetId);
        if (assetStatus == HardwareAssetRegistry.Status.Retired || assetStatus == HardwareAssetRegistry.Status.Impaired)
        {
            revert AssetNotFinanceable(assetId);
        }
        uint256 deployable = deployableCapital();
        if (amount > deployable) revert ExceedsDeployable(amount, deployable);
        AssetCapital storage c = assetCapital[assetId];
        uint256 after_ = _outstanding(c) + amount;
        if (after_ > c.limit) revert ExceedsAssetLimit(assetId, after_, c.limit);
        if (status == Status.Raising) _setStatus(Status.Raising, Status.Active);
        idle = uint72(idle - amount);
        outstandingPrincipal = (outstandingPrincipal + amount).toUint72();
        c.deployed += amount.toUint128();
        IERC20(asset()).safeTransfer(operator, amount);
        emit CapitalDeployed(assetId, operator, amount);
    }

    /// @notice Takes back principal of an asset from the caller (the operator's repayment, passed on by the
    /// manager). It joins idle, from where `fillRedemptions` serves queued exits first.
    function recordRepayment(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        _pull(msg.sender, amount);
        c.repaid += amount.toUint128();
        outstandingPrincipal = uint72(outstandingPrincipal - amount);
        idle = (idle + amount).toUint72();
        emit PrincipalRepaid(assetId, msg.sender, amount);
        // A provision can never exceed what is still outstanding.
        if (c.provision > outstanding - amount) _setProvision(assetId, c, outstanding - amount);
    }

    /// @notice Marks an impaired asset's expected loss (raises its provision): the share price falls by it at
    /// once, so exits in the meantime pay the impaired price. Only the admin (timelock) may lower a provision.
    function markImpairment(uint256 assetId, uint256 provision) external whenNotPaused {
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        if (provision > c.provision) {
            _checkRole(POOL_MANAGER_ROLE);
            if (registry.statusOf(assetId) != HardwareAssetRegistry.Status.Impaired) revert AssetNotImpaired(assetId);
        } else {
            _checkRole(DEFAULT_ADMIN_ROLE);
        }
        uint256 outstanding = _outstanding(c);
        if (provision > outstanding) revert ExceedsOutstanding(assetId, provision, outstanding);
        _setProvision(assetId, c, provision);
    }

    /// @notice Writes off principal that was provisioned (price-neutral). Writing off more than the provision is a
    /// large write-down and needs the admin (timelock).
    function recordWriteDown(uint256 assetId, uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 provision = c.provision;
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            _checkRole(POOL_MANAGER_ROLE);
            if (amount > provision) revert ExceedsProvision(assetId, amount, provision);
        }
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        _setProvision(assetId, c, provision - Math.min(amount, provision));
        c.writtenDown += amount.toUint128();
        outstandingPrincipal = uint72(outstandingPrincipal - amount);
        emit PrincipalWrittenDown(assetId, amount);
    }

    /// @notice Money recovered on written-down principal (a sale of the machines, an insurance payout): it comes
    /// back as principal, without the protocol fee, to the holders of the day.
    function recordRecovery(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 recoverable = c.writtenDown - c.recovered;
        if (amount > recoverable) revert ExceedsWrittenDown(assetId, amount, recoverable);
        _pull(msg.sender, amount);
        c.recovered += amount.toUint128();
        idle = (idle + amount).toUint72();
        emit PrincipalRecovered(assetId, msg.sender, amount);
    }

    function outstandingOf(uint256 assetId) external view returns (uint256) {
        return _outstanding(assetCapital[assetId]);
    }

    function _setProvision(uint256 assetId, AssetCapital storage c, uint256 provision) private {
        uint256 previous = c.provision;
        if (previous == provision) return;
        c.provision = provision.toUint128();
        totalProvisions = (totalProvisions - previous + provision).toUint64();
        emit ProvisionUpdated(assetId, previous, provision);
    }

    function _outstanding(AssetCapital storage c) private view returns (uint256) {
        return uint256(c.deployed) - c.repaid - c.writtenDown;
    }

    function _operatorOfOwnAsset(uint256 assetId) private view returns (address) {
        if (registry.poolOf(assetId) != address(this)) revert AssetNotInPool(assetId);
        return registry.operatorOf(assetId);
    }

    // ─── Real yield ────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Distributes an asset's net operating revenue for a past period, pulled in USDC from the reporter.
    function distributeRevenue(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        _pull(msg.sender, amount);
        _accrueRevenue();
        uint256 net = _recordDistribution(assetId, amount, periodStart, periodEnd);
        _mergeIntoStream(net);
    }

    /// @notice Several assets' revenue in one transaction (one transfer, one stream update).
    function distributeRevenueBatch(Distribution[] calldata distributions)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        uint256 total;
        for (uint256 i = 0; i < distributions.length; i++) {
            total += distributions[i].amount;
        }
        _pull(msg.sender, total);
        _accrueRevenue();
        uint256 net;
        for (uint256 i = 0; i < distributions.length; i++) {
            Distribution calldata d = distributions[i];
            net += _recordDistribution(d.assetId, d.amount, d.periodStart, d.periodEnd);
        }
        _mergeIntoStream(net);
    }

    /// @notice Pays the caller's claimable revenue, in USDC, to `receiver`. Works while paused.
    function claim(address receiver) external nonReentrant returns (uint256 amount) {
        uint256 acc = _accrueRevenue();
        Account storage a = _accounts[msg.sender];
        amount = _owed(a.balance, a.revenueDebt, acc);
        if (amount == 0) revert NothingToClaim();
        a.revenueDebt += amount.toInt256().toInt128();
        revenueHeld = uint128(revenueHeld - amount);
        totalRevenueClaimed = (totalRevenueClaimed + amount).toUint128();
        IERC20(asset()).safeTransfer(receiver, amount);
        emit RevenueClaimed(msg.sender, receiver, amount);
    }

    /// @notice Revenue `account` could claim now, released streaming included.
    function claimableRevenue(address account) public view returns (uint256) {
        Account memory a = _accounts[account];
        (uint256 acc,) = _previewAccrual();
        return _owed(a.balance, a.revenueDebt, acc);
    }

    /// @notice Revenue per share released so far, scaled by 1e36, as of the last update.
    function accRevenuePerShare() external view returns (uint256) {
        return _accrual.accPerShare;
    }

    /// @notice Net revenue still streaming (distributed, not yet released to holders).
    function streamingRevenue() external view returns (uint256) {
        (, uint256 remaining) = _previewAccrual();
        return remaining;
    }

    function _recordDistribution(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        private
        returns (uint256 net)
    {
        if (amount < minDistribution) revert BelowMinimumDistribution(amount, minDistribution);
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        _operatorOfOwnAsset(assetId);
        uint256 fee = (amount * protocolFeeBps) / 10_000;
        net = amount - fee;
        if (fee > 0) IERC20(asset()).safeTransfer(treasury, fee);
        totalRevenueDistributed += net;
        revenueHeld = (revenueHeld + net).toUint128();
        emit RevenueDistributed(
            assetId, amount, fee, net, periodStart, periodEnd, uint64(block.timestamp) + revenueStreamDuration
        );
    }

    /// @dev Adds `amount` to what is streaming. The stream's end moves to the amount-weighted mean of the time the
    /// running stream had left and a full window for the new amount: a new distribution is released over about a
    /// full window, and a small one barely moves the release of what was already streaming. Call after
    /// `_accrueRevenue`, so the stream is up to date.
    function _mergeIntoStream(uint256 amount) private {
        (uint256 acc, uint256 remaining, uint256 end,) = _loadAccrual();
        uint256 total = remaining + amount;
        if (total == 0) return;
        uint256 left = end > block.timestamp ? end - block.timestamp : 0;
        uint256 window = (remaining * left + amount * revenueStreamDuration) / total;
        _storeAccrual(acc, total, block.timestamp + window);
    }

    /// @dev Releases what the stream owes since its last update and returns the accumulator. Nothing streaming, or
    /// already released this second: nothing to settle, and nothing is written.
    function _accrueRevenue() private returns (uint256) {
        (uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt) = _loadAccrual();
        if (remaining == 0 || block.timestamp <= updatedAt) return acc;
        (acc, remaining, end) = _release(acc, remaining, end, updatedAt, totalSupply());
        _storeAccrual(acc, remaining, end);
        return acc;
    }

    /// @dev The accrual slot in one SLOAD, and one SSTORE (Solidity reads and writes a packed struct member by
    /// member). The store bounds what SafeCast would: the accumulator to 128 bits, the rest by construction.
    function _loadAccrual() private view returns (uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt) {
        uint256 word;
        assembly ("memory-safe") {
            word := sload(_accrual.slot)
        }
        return (uint128(word), uint64(word >> 128), uint32(word >> 192), uint32(word >> 224));
    }

    function _storeAccrual(uint256 acc, uint256 remaining, uint256 end) private {
        uint256 word = uint256(acc.toUint128()) | (uint256(remaining.toUint64()) << 128)
            | (uint256(end.toUint32()) << 192) | (block.timestamp << 224);
        assembly ("memory-safe") {
            sstore(_accrual.slot, word)
        }
    }

    /// @dev The accumulator and what still streams, as of now.
    function _previewAccrual() private view returns (uint256 acc, uint256 remaining) {
        uint256 end;
        uint256 updatedAt;
        (acc, remaining, end, updatedAt) = _loadAccrual();
        if (remaining > 0 && block.timestamp > updatedAt) {
            (acc, remaining,) = _release(acc, remaining, end, updatedAt, totalSupply());
        }
    }

    /// @dev What the stream releases since its last update: remaining × elapsed ÷ time left, exact at the end. With
    /// fewer than MIN_ACCRUAL_SUPPLY shares there is nobody to release to: the stream waits, its end moving by the
    /// time waited, so the next holders receive it over the time it had left (never all at once, just in time).
    /// remaining < 2^64 and elapsed < 2^32, released × 1e36 < 2^184: plain arithmetic cannot overflow.
    function _release(uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt, uint256 supply)
        private
        view
        returns (uint256, uint256, uint256)
    {
        uint256 elapsed = block.timestamp - updatedAt;
        if (supply < MIN_ACCRUAL_SUPPLY) return (acc, remaining, end + elapsed);
        uint256 released = block.timestamp >= end ? remaining : (remaining * elapsed) / (end - updatedAt);
        return (acc + (released * ACC_PRECISION) / supply, remaining - released, end);
    }

    /// @notice Net revenue distributed and not yet released, as of the last update (`streamingRevenue` is live).
    function streamRemaining() external view returns (uint256) {
        return _accrual.remaining;
    }

    function streamEnd() external view returns (uint64) {
        return _accrual.end;
    }

    function streamUpdatedAt() external view returns (uint64) {
        return _accrual.updatedAt;
    }

    /// @dev balance × acc − debt, never below zero (a deposit's rounding may take a holder's last wei).
    function _owed(uint256 balance, int256 revenueDebt, uint256 acc) private pure returns (uint256) {
        int256 owed = Math.mulDiv(balance, acc, ACC_PRECISION).toInt256() - revenueDebt;
        return owed > 0 ? uint256(owed) : 0;
    }

    // ─── Queued exits (ERC-7540, ERC-7887) ──────────────────────────────────────────────────────────────────

    function setOperator(address operator, bool approved) external returns (bool) {
        if (operator == msg.sender) revert InvalidParameter();
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @notice Locks `shares` of `owner` in the exit queue for `controller`; they are redeemed at the price of the
    /// day they are filled and keep earning revenue until then. A request is worth at least the minimum deposit,
    /// unless it is the owner's whole unlocked position, and never nothing.
    function requestRedeem(uint256 shares, address controller, address owner)
        external
        nonReentrant
        whenNotPaused
        returns (uint256 requestId)
    {
        if (shares == 0) revert ZeroAmount();
        if (controller == address(0)) revert InvalidParameter();
        if (msg.sender != owner && !isOperator[owner][msg.sender]) _spendAllowance(owner, msg.sender, shares);
        uint256 unlocked = unlockedShares(owner);
        if (shares > unlocked) revert SharesLocked(owner, shares, unlocked);
        uint256 value = previewRedeem(shares);
        // A request worth nothing is never queued (a position of dust shares would only cost fillers gas).
        if (value == 0 || (shares < unlocked && value < _minDeposit)) revert BelowMinimumRequest(value, _minDeposit);
        _exits[owner].lockedShares += shares.toUint128();
        _accounts[owner].hasExits = true;
        pendingRedeemShares = (pendingRedeemShares + shares).toUint128();
        uint48 id = ++redeemRequestCount;
        uint48 tail = queueTail;
        _requests[id] = Request({
            owner: owner,
            prev: tail,
            next: 0,
            controller: controller,
            pendingShares: shares.toUint128(),
            filledShares: 0
        });
        if (tail == 0) queueHead = id;
        else _requests[tail].next = id;
        queueTail = id;
        emit RedeemRequest(controller, owner, id, msg.sender, shares);
        return id;
    }

    /// @notice ERC-7887: cancels what is still pending of a request, synchronously. The shares unlock for their
    /// owner at once (the CancelRedeemClaim in the same transaction says so); what was filled stays claimable.
    function cancelRedeemRequest(uint256 requestId, address controller) external nonReentrant {
        _onlyControllerOrOperator(controller);
        Request storage r = _requests[requestId];
        if (r.controller != controller || r.pendingShares == 0) revert UnknownRequest(requestId);
        uint256 shares = r.pendingShares;
        r.pendingShares = 0;
        _exits[r.owner].lockedShares -= uint128(shares);
        pendingRedeemShares = uint128(pendingRedeemShares - shares);
        _unlink(r);
        emit CancelRedeemRequest(controller, requestId, msg.sender);
        emit CancelRedeemClaim(controller, r.owner, requestId, msg.sender, shares);
    }

    /// @notice Cancellation is synchronous: nothing is ever pending cancellation.
    function pendingCancelRedeemRequest(uint256, address) external pure returns (bool) {
        return false;
    }

    /// @notice Cancellation is synchronous: cancelled shares are back with their owner in the same transaction.
    function claimableCancelRedeemRequest(uint256, address) external pure returns (uint256) {
        return 0;
    }

    function claimCancelRedeemRequest(uint256, address, address) external pure returns (uint256) {
        revert NothingToClaim();
    }

    /// @notice Fills up to `maxRequests` queued requests from idle USDC, oldest first. Anyone may call it: a
    /// repayment or deposit leaves the work to this call, so no one pays for others' queue entries unasked.
    function fillRedemptions(uint256 maxRequests) external nonReentrant whenNotPaused returns (uint256 filled) {
        uint48 id = queueHead;
        while (id != 0 && filled < maxRequests && idle > 0) {
            Request storage r = _requests[id];
            uint256 shares = r.pendingShares;
            uint256 assets = previewRedeem(shares);
            if (assets > idle) {
                shares = _convertToShares(idle, Math.Rounding.Floor);
                assets = previewRedeem(shares);
                // Idle worth less than one unit of USDC at this price: never burn shares for nothing.
                if (assets == 0 || shares == 0) break;
            }
            address owner = r.owner;
            address controller = r.controller;
            r.pendingShares -= uint128(shares);
            r.filledShares += uint128(shares);
            pendingRedeemShares = uint128(pendingRedeemShares - shares);
            _exits[owner].lockedShares -= uint128(shares);
            idle = uint72(idle - assets);
            reservedForRedemptions = (reservedForRedemptions + assets).toUint128();
            _exits[controller].claimableShares += shares.toUint128();
            _accounts[controller].hasExits = true;
            _claimableAssets[controller] += assets;
            _burn(owner, shares);
            emit RedeemRequestFilled(id, controller, owner, shares, assets);
            filled++;
            if (r.pendingShares > 0) break; // partly filled: idle is used up
            uint48 next = r.next;
            _unlink(r);
            id = next;
        }
    }

    /// @notice Shares of `controller`'s request still waiting to be filled.
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller ? r.pendingShares : 0;
    }

    /// @notice Filled shares `controller` can claim. Once filled, a controller's requests are fungible: for any of
    /// its requests that has been filled, this is the controller's whole claimable amount.
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller && r.filledShares > 0 ? _exits[controller].claimableShares : 0;
    }

    function redeemRequest(uint256 requestId) external view returns (Request memory) {
        if (requestId == 0 || requestId > redeemRequestCount) revert UnknownRequest(requestId);
        return _requests[requestId];
    }

    /// @notice Shares queued ahead of a request (0 when it is next, or no longer pending). Walks the live queue:
    /// for off-chain reads.
    function sharesAheadOf(uint256 requestId) external view returns (uint256 ahead) {
        if (_requests[requestId].pendingShares == 0) return 0;
        for (uint48 id = queueHead; id != 0 && id != requestId; id = _requests[id].next) {
            ahead += _requests[id].pendingShares;
        }
    }

    function unlockedShares(address owner) public view returns (uint256) {
        return balanceOf(owner) - _exits[owner].lockedShares;
    }

    /// @notice Shares of `owner` locked in the exit queue.
    function lockedShares(address owner) external view returns (uint256) {
        return _exits[owner].lockedShares;
    }

    /// @notice Filled redemptions `controller` can claim (through redeem or withdraw).
    function claimableRedemption(address controller) external view returns (uint128 shares, uint128 assets) {
        return (_exits[controller].claimableShares, uint128(_claimableAssets[controller]));
    }

    /// @notice ERC-7575: the share token is the vault itself.
    function share() external view returns (address) {
        return address(this);
    }

    function _claimRedemption(address controller, address receiver, uint256 shares, uint256 assets) private {
        _onlyControllerOrOperator(controller);
        if (shares == 0 && assets == 0) revert ZeroAmount();
        _exits[controller].claimableShares -= uint128(shares);
        _claimableAssets[controller] -= assets;
        reservedForRedemptions = uint128(reservedForRedemptions - assets);
        IERC20(asset()).safeTransfer(receiver, assets);
        emit RedemptionClaimed(controller, receiver, shares, assets);
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
    }

    function _unlink(Request storage r) private {
        uint48 prev = r.prev;
        uint48 next = r.next;
        if (prev == 0) queueHead = next;
        else _requests[prev].next = next;
        if (next == 0) queueTail = prev;
        else _requests[next].prev = prev;
        r.prev = 0;
        r.next = 0;
    }

    function _onlyControllerOrOperator(address controller) private view {
        if (msg.sender != controller && !isOperator[controller][msg.sender]) {
            revert NotControllerOrOperator(controller, msg.sender);
        }
    }

    /// @dev Requests with shares still pending stay linked; filled and cancelled ones are unlinked.
    function _queueWaiting() private view returns (bool) {
        return queueHead != 0;
    }

    /// @dev An account that never used the exit queue has nothing in it: skip the read.
    function _exitsOf(address account) private view returns (ExitAccount memory e) {
        if (_accounts[account].hasExits) e = _exits[account];
    }

    function _pull(address from, uint256 amount) private {
        IERC20 usdc = IERC20(asset());
        uint256 before = _balanceOfPool(usdc);
        usdc.safeTransferFrom(from, address(this), amount);
        uint256 received = _balanceOfPool(usdc) - before;
        if (received != amount) revert FeeOnTransferNotSupported(amount, received);
    }

    /// @dev usdc.balanceOf(this) in scratch memory (the fee-on-transfer check runs on every deposit: gas).
    function _balanceOfPool(IERC20 usdc) private view returns (uint256 held) {
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231) // balanceOf(address)
            mstore(0x20, address())
            if iszero(and(gt(returndatasize(), 0x1f), staticcall(gas(), usdc, 0x1c, 0x24, 0x00, 0x20))) {
                revert(0, 0)
            }
            held := mload(0x00)
        }
    }

    function supportsInterface(bytes4 interfaceId) public view override(AccessControl) returns (bool) {
        return interfaceId == type(IERC7540Operator).interfaceId || interfaceId == type(IERC7540Redeem).interfaceId
            || interfaceId == type(IERC7887Redeem).interfaceId || interfaceId == 0x2f0a18c5 // ERC-7575
            || super.supportsInterface(interfaceId);
    }
}
