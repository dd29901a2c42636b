// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PoolFactory} from "../PoolFactory.sol";
import {HardwareAssetRegistry} from "../HardwareAssetRegistry.sol";
import {TranchedPool} from "./TranchedPool.sol";
import {TrancheVault, ITranchedPool} from "./TrancheVault.sol";

/// @notice Creates pools with a senior and a junior tranche for the projects PoolFactory registered, on its terms
/// (USDC, registry, treasury, fee, stream duration, roles). Each pool and both its vaults come from creation code
/// whose hash was fixed at deployment, and are bound to each other here, in one transaction: no admin, however
/// compromised, can bind a vault of other code to a pool of this factory. The pool's admin role then goes to the
/// protocol's admin (the timelock); this factory keeps none. Who may create is PoolFactory's admin, the one key
/// that creates single pools: no second key to guard, and revoking it there revokes it here.
contract TranchedPoolFactory {
    struct TranchedPoolConfig {
        uint256 projectId;
        string name;
        /// @dev The tranches' symbols are this with "S" (senior) and "J" (junior).
        string symbol;
        uint256 depositCap;
        uint16 seniorRateBps;
        uint16 minSubordinationBps;
    }

    PoolFactory public immutable poolFactory;
    /// @notice keccak256 of TranchedPool's and TrancheVault's creation code: the code comes as calldata (embedding
    /// both would put this contract over the code-size limit) and nothing else is deployed.
    bytes32 public immutable poolCodeHash;
    bytes32 public immutable vaultCodeHash;

    address[] public pools;
    mapping(address pool => bool) public isPool;

    event TranchedPoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address senior,
        address junior,
        uint8 category,
        string name,
        uint16 seniorRateBps,
        uint16 minSubordinationBps,
        uint16 protocolFeeBps
    );

    error UnknownPoolCode();
    error UnknownVaultCode();
    error NotPoolFactoryAdmin(address caller);

    constructor(PoolFactory poolFactory_, bytes32 poolCodeHash_, bytes32 vaultCodeHash_) {
        poolFactory = poolFactory_;
        poolCodeHash = poolCodeHash_;
        vaultCodeHash = vaultCodeHash_;
    }

    /// @notice A tranched pool for a registered project: the pool, its senior and junior vaults, bound together,
    /// with PoolFactory's current defaults. Asset limits are set later by the pool's admin (the timelock).
    function createTranchedPool(TranchedPoolConfig calldata config, bytes calldata poolCode, bytes calldata vaultCode)
        external
        returns (TranchedPool pool, TrancheVault senior, TrancheVault junior)
    {
        if (!poolFactory.hasRole(poolFactory.DEFAULT_ADMIN_ROLE(), msg.sender)) revert NotPoolFactoryAdmin(msg.sender);
        if (keccak256(poolCode) != poolCodeHash) revert UnknownPoolCode();
        if (keccak256(vaultCode) != vaultCodeHash) revert UnknownVaultCode();
        PoolFactory.Project memory project = poolFactory.getProject(config.projectId);
        pool = _deployPool(config, project, poolCode);
        senior = _deployVault(vaultCode, pool, true, config);
        junior = _deployVault(vaultCode, pool, false, config);
        pool.attachTranches(senior, junior);
        (address admin,,,,) = poolFactory.defaultRoles();
        pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), admin);
        pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), address(this));
        pools.push(address(pool));
        isPool[address(pool)] = true;
        _announce(pool, senior, junior, config, uint8(project.category));
    }

    function poolCount() external view returns (uint256) {
        return pools.length;
    }

    function _announce(
        TranchedPool pool,
        TrancheVault senior,
        TrancheVault junior,
        TranchedPoolConfig calldata config,
        uint8 category
    ) private {
        emit TranchedPoolCreated(
            address(pool),
            config.projectId,
            address(senior),
            address(junior),
            category,
            config.name,
            config.seniorRateBps,
            config.minSubordinationBps,
            pool.protocolFeeBps()
        );
    }

    function _deployPool(TranchedPoolConfig calldata config, PoolFactory.Project memory project, bytes calldata code)
        private
        returns (TranchedPool)
    {
        return TranchedPool(_create(abi.encodePacked(code, abi.encode(_poolParams(config, project)))));
    }

    /// @dev Field by field: one struct literal of fifteen fields is too deep for the stack without via-IR.
    function _poolParams(TranchedPoolConfig calldata config, PoolFactory.Project memory project)
        private
        view
        returns (TranchedPool.Params memory p)
    {
        p.usdc = poolFactory.usdc();
        p.registry = poolFactory.registry();
        p.name = config.name;
        p.category = uint8(project.category);
        p.projectId = config.projectId;
        p.projectOperator = project.operator;
        p.depositCap = config.depositCap;
        // This factory, until the vaults are bound: then the protocol's admin.
        p.admin = address(this);
        (, p.manager, p.reporter, p.guardian,) = poolFactory.defaultRoles();
        p.treasury = poolFactory.treasury();
        p.protocolFeeBps = poolFactory.protocolFeeBps();
        p.seniorRateBps = config.seniorRateBps;
        p.minSubordinationBps = config.minSubordinationBps;
    }

    function _deployVault(bytes calldata code, TranchedPool pool, bool isSenior, TranchedPoolConfig calldata config)
        private
        returns (TrancheVault)
    {
        bytes memory args = abi.encode(
            poolFactory.usdc(),
            ITranchedPool(address(pool)),
            isSenior,
            string.concat(config.name, isSenior ? " \xc2\xb7 Senior" : " \xc2\xb7 Junior"),
            string.concat(config.symbol, isSenior ? "S" : "J"),
            poolFactory.revenueStreamDuration()
        );
        return TrancheVault(_create(abi.encodePacked(code, args)));
    }

    function _create(bytes memory initCode) private returns (address deployed) {
        assembly {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
            // Pass the constructor's own reason on (InvalidParameter, ...).
            if iszero(deployed) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
        }
    }
}
